package io.recollect.rules.internal;

import io.recollect.rules.PlanPolicyDecision;

/**
 * Collects what the fired row of the hardship-policy table writes; declared by the sheet as the
 * global {@code outcome}. Public only because the generated rule code calls it.
 */
public final class PolicyOutcome implements RuleOutcome {

    private PlanPolicyDecision decision;
    private String candidateGroup;
    private int priority;
    private int slaDays;
    private int graceDays;
    private int breakAfterMisses;
    private String reason;

    public void setDecision(PlanPolicyDecision decision) {
        this.decision = decision;
    }

    public void setCandidateGroup(String candidateGroup) {
        this.candidateGroup = candidateGroup;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public void setSlaDays(int slaDays) {
        this.slaDays = slaDays;
    }

    public void setGraceDays(int graceDays) {
        this.graceDays = graceDays;
    }

    public void setBreakAfterMisses(int breakAfterMisses) {
        this.breakAfterMisses = breakAfterMisses;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public PlanPolicyDecision decision() {
        return decision;
    }

    public String candidateGroup() {
        return candidateGroup;
    }

    public int priority() {
        return priority;
    }

    public int slaDays() {
        return slaDays;
    }

    public int graceDays() {
        return graceDays;
    }

    public int breakAfterMisses() {
        return breakAfterMisses;
    }

    public String reason() {
        return reason;
    }

    /** What a row must fill for its decision to be carried out, in words for the sheet's editor. */
    public static java.util.List<String> missing(Integer row, java.util.List<String> actions) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        boolean refuse = actions.stream().anyMatch(a -> a.contains("PlanPolicyDecision.REFUSE"));
        boolean manager = actions.stream().anyMatch(a -> a.contains("PlanPolicyDecision.MANAGER"));
        if (actions.stream().noneMatch(a -> a.startsWith("outcome.setDecision("))) {
            missing.add("row " + row + ": the Decision cell is empty");
        }
        if (actions.stream().noneMatch(a -> a.startsWith("outcome.setReason("))) {
            missing.add("row " + row + ": the Reason cell is empty (the collector reads it to the customer)");
        }
        if (manager && actions.stream().noneMatch(a -> a.startsWith("outcome.setCandidateGroup("))) {
            missing.add("row " + row + ": Decision MANAGER needs an approving group");
        }
        if (!refuse && actions.stream().noneMatch(a -> a.startsWith("outcome.setBreakAfterMisses("))) {
            missing.add("row " + row + ": a plan it lets start needs \"Broken at missed instalments\"");
        }
        return missing;
    }

    @Override
    public void clear() {
        this.decision = null;
        this.candidateGroup = null;
        this.priority = 0;
        this.slaDays = 0;
        this.graceDays = 0;
        this.breakAfterMisses = 0;
        this.reason = null;
    }
}
