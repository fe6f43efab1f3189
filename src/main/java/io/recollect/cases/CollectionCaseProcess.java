package io.recollect.cases;

/** Names shared between processes/collection-case.bpmn and the code that drives it. */
public final class CollectionCaseProcess {

    public static final String KEY = "collection-case";
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_CUSTOMER_ID = "customerId";
    public static final String VAR_NOTHING_OVERDUE = "nothingOverdue";
    public static final String VAR_ACTION = "action";
    public static final String VAR_DUNNING_LEVEL = "dunningLevel";
    public static final String VAR_DECISION_ID = "decisionId";
    public static final String VAR_WAIT_UNTIL = "waitUntil";
    public static final String VAR_TASK_DUE_DATE = "taskDueDate";
    public static final String VAR_TASK_PRIORITY = "taskPriority";
    public static final String VAR_CANDIDATE_GROUP = "candidateGroup";
    /** The email template the table named (reminder-friendly, final-notice, agency-notice...). */
    public static final String VAR_TEMPLATE = "template";
    /** The invoices the decision dunned (comma-separated ids): the email lists exactly these. */
    public static final String VAR_DUNNED_INVOICES = "dunnedInvoices";
    /** Set by the contact task: what the customer said needs a new evaluation at once. */
    public static final String VAR_REEVALUATE_NOW = "reevaluateNow";
    /** Form fields of the contact-customer task. */
    public static final String VAR_CONTACT_OUTCOME = "contactOutcome";
    public static final String VAR_CONTACT_NOTE = "contactNote";
    public static final String VAR_PROMISED_DATE = "promisedDate";
    public static final String VAR_PROMISED_AMOUNT = "promisedAmount";
    public static final String VAR_DISPUTED_INVOICE = "disputedInvoice";
    public static final String VAR_DISPUTE_REASON = "disputeReason";
    /** Form fields of the managers' decision tasks. */
    public static final String VAR_PLAN_DECISION = "planDecision";
    public static final String VAR_WRITE_OFF_DECISION = "writeOffDecision";
    public static final String VAR_DECISION_NOTE = "decisionNote";
    public static final String VAR_WRITE_OFF_APPROVED_BY = "writeOffApprovedBy";
    public static final String VAR_AGENCY_REFERENCE = "agencyReference";
    /** Something changed on the account: evaluate again now rather than at the end of the wait. */
    public static final String MESSAGE_ACCOUNT_CHANGED = "AccountChanged";
    /** Nothing is overdue any more: evaluate now (and close), even from the contact task. */
    public static final String MESSAGE_ACCOUNT_SETTLED = "AccountSettled";
    public static final String TASK_CONTACT_CUSTOMER = "Task_ContactCustomer";
    public static final String TASK_DECIDE_PLAN = "Task_DecidePlan";
    public static final String TASK_DECIDE_WRITE_OFF = "Task_DecideWriteOff";
    public static final String TASK_HAND_OVER_TO_AGENCY = "Task_HandOverToAgency";

    private CollectionCaseProcess() {
    }
}
