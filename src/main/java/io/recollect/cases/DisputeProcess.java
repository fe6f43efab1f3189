package io.recollect.cases;

/** Names shared between processes/dispute.bpmn, its form and the code that drives it. */
public final class DisputeProcess {

    public static final String KEY = "dispute";
    public static final String VAR_DISPUTE_ID = "disputeId";
    public static final String VAR_CUSTOMER_ID = "customerId";
    public static final String VAR_INVOICE_ID = "invoiceId";
    public static final String VAR_TASK_DUE_DATE = "taskDueDate";
    /** Form fields of the resolve-dispute task. */
    public static final String VAR_RESOLUTION = "resolution";
    public static final String VAR_CREDIT_AMOUNT = "creditAmount";
    public static final String VAR_RESOLUTION_NOTE = "resolutionNote";
    public static final String TASK_RESOLVE_DISPUTE = "Task_ResolveDispute";

    private DisputeProcess() {
    }
}
