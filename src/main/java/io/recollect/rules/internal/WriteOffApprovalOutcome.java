package io.recollect.rules.internal;

import io.recollect.rules.WriteOffApproval;

/**
 * Collects what the fired row of the write-off-approval table writes; the sheet declares it as
 * the global {@code outcome}. Public only because the generated rule code calls it.
 */
public final class WriteOffApprovalOutcome implements RuleOutcome {

    private WriteOffApproval approval;
    private String candidateGroup;
    private int priority;
    private int slaDays;
    private String noticeTemplate;
    private String reason;

    public void setApproval(WriteOffApproval approval) {
        this.approval = approval;
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

    public void setNoticeTemplate(String noticeTemplate) {
        this.noticeTemplate = noticeTemplate;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public WriteOffApproval approval() {
        return approval;
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

    public String noticeTemplate() {
        return noticeTemplate;
    }

    public String reason() {
        return reason;
    }

    @Override
    public void clear() {
        this.approval = null;
        this.candidateGroup = null;
        this.priority = 0;
        this.slaDays = 0;
        this.noticeTemplate = null;
        this.reason = null;
    }
}
