package io.recollect.rules.internal;

import io.recollect.rules.CollectionAction;

/**
 * Collects what the fired row's ACTION columns write; an empty cell writes nothing, so the value
 * stays null or 0. The sheet declares it as the global {@code outcome}; it is public only because
 * the generated rule code calls it.
 */
public final class PathOutcome implements RuleOutcome {

    private CollectionAction action;
    private int dunningLevel;
    private String template;
    private int waitDays;
    private int priority;
    private String candidateGroup;
    private String reason;

    @Override
    public void clear() {
        action = null;
        dunningLevel = 0;
        template = null;
        waitDays = 0;
        priority = 0;
        candidateGroup = null;
        reason = null;
    }

    public void setAction(CollectionAction action) {
        this.action = action;
    }

    public void setDunningLevel(int dunningLevel) {
        this.dunningLevel = dunningLevel;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public void setWaitDays(int waitDays) {
        this.waitDays = waitDays;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public void setCandidateGroup(String candidateGroup) {
        this.candidateGroup = candidateGroup;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public CollectionAction action() {
        return action;
    }

    public int dunningLevel() {
        return dunningLevel;
    }

    public String template() {
        return template;
    }

    public int waitDays() {
        return waitDays;
    }

    public int priority() {
        return priority;
    }

    public String candidateGroup() {
        return candidateGroup;
    }

    public String reason() {
        return reason;
    }
}
