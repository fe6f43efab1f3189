package io.recollect.cases;

/** Names shared between processes/collection-case.bpmn and the code that drives it. */
public final class CollectionCaseProcess {

    public static final String KEY = "collection-case";
    public static final String VAR_CUSTOMER_ID = "customerId";
    /** Which task the decision asks for: a {@link CaseWorkKind} name; transient, like the task terms below. */
    public static final String VAR_WORK = "work";
    public static final String VAR_TASK_DUE_DATE = "taskDueDate";
    public static final String VAR_TASK_PRIORITY = "taskPriority";
    public static final String VAR_CANDIDATE_GROUP = "candidateGroup";
    /** Form fields of the contact-customer task. */
    public static final String VAR_CONTACT_OUTCOME = "contactOutcome";
    public static final String VAR_CONTACT_NOTE = "contactNote";
    public static final String VAR_PROMISED_DATE = "promisedDate";
    public static final String VAR_PROMISED_AMOUNT = "promisedAmount";
    public static final String VAR_DISPUTED_INVOICE = "disputedInvoice";
    public static final String VAR_DISPUTE_REASON = "disputeReason";
    /** The reason a collector gives for a write-off requested on the contact task (a WriteOffReason). */
    public static final String VAR_WRITE_OFF_REASON = "writeOffReason";
    /** Form fields of the managers' decision tasks. */
    public static final String VAR_DECISION_NOTE = "decisionNote";
    public static final String VAR_AGENCY_REFERENCE = "agencyReference";
    /** A decision asks a person to act: the waiting case process opens the task named by {@link #VAR_WORK}. */
    public static final String MESSAGE_PERSON_NEEDED = "PersonNeeded";
    /** Nothing is overdue any more: the case process ends, open task and all. */
    public static final String MESSAGE_CASE_CLOSED = "CaseClosed";
    /** A later decision asks for different work: the open task ends and the process waits again. */
    public static final String MESSAGE_WORK_SUPERSEDED = "WorkSuperseded";
    public static final String TASK_CONTACT_CUSTOMER = "Task_ContactCustomer";
    /** Starts (or finds) the customer's hardship-plan process; the plan's own tasks live there. */
    public static final String TASK_OFFER_HARDSHIP_PLAN = "Task_OfferHardshipPlan";
    /** Not a user task: requests a write-off, whose own process (writeoffs) is approved and posted. */
    public static final String TASK_REQUEST_WRITE_OFF = "Task_RequestWriteOff";
    public static final String TASK_HAND_OVER_TO_AGENCY = "Task_HandOverToAgency";

    private CollectionCaseProcess() {
    }
}
