package io.recollect.writeoffs;

/** Names shared between processes/write-off.bpmn and the code that drives it. */
public final class WriteOffProcess {

    public static final String KEY = "write-off";
    public static final String VAR_WRITE_OFF_ID = "writeOffId";
    /** The customer, so the task shows on the account's timeline and in task queries by customer. */
    public static final String VAR_CUSTOMER_ID = "customerId";
    /** AUTO, COLLECTION_MANAGERS or FINANCE, from the write-off-approval table. */
    public static final String VAR_APPROVAL = "approval";
    public static final String VAR_CANDIDATE_GROUP = "candidateGroup";
    public static final String VAR_TASK_PRIORITY = "taskPriority";
    public static final String VAR_TASK_DUE_DATE = "taskDueDate";
    /** What the approvers read on the form: the invoices and amounts fixed by the request. */
    public static final String VAR_SUMMARY = "writeOffSummary";
    /** The reason of a write-off requested on the collection case's contact task. */
    public static final String VAR_REQUEST_REASON = "writeOffReason";
    /** Form fields of the approval task. */
    public static final String VAR_DECISION = "writeOffDecision";
    public static final String VAR_DECISION_NOTE = "decisionNote";
    public static final String DECISION_APPROVE = "APPROVE";
    public static final String DECISION_REJECT = "REJECT";
    public static final String TASK_APPROVE_WRITE_OFF = "Task_ApproveWriteOff";
    public static final String TASK_POST_WRITE_OFF = "Task_PostWriteOff";

    private WriteOffProcess() {
    }
}
