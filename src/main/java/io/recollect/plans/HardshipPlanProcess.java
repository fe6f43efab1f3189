package io.recollect.plans;

/** Names shared between processes/hardship-plan.bpmn and the code that drives it. */
public final class HardshipPlanProcess {

    public static final String KEY = "hardship-plan";
    public static final String VAR_PLAN_ID = "planId";
    /** The customer's id, so task lists and the account page find the plan's tasks. */
    public static final String VAR_CUSTOMER_ID = "customerId";
    /** APPROVE, MANAGER or REFUSE, from the hardship-policy table. */
    public static final String VAR_POLICY_DECISION = "policyDecision";
    public static final String VAR_POLICY_REASON = "policyReason";
    public static final String VAR_APPROVER_GROUP = "approverGroup";
    public static final String VAR_APPROVAL_PRIORITY = "approvalPriority";
    public static final String VAR_APPROVAL_DUE_DATE = "approvalDueDate";
    public static final String VAR_APPROVED = "approved";
    /** When the instalments are next looked at: an instalment falling due, or its grace ending. */
    public static final String VAR_NEXT_CHECK_AT = "nextCheckAt";
    /** RUNNING, COMPLETED or BROKEN after a check. */
    public static final String VAR_PLAN_STATE = "planState";
    /** Form fields of the negotiate task. */
    public static final String VAR_DOWN_PAYMENT = "downPayment";
    public static final String VAR_INSTALMENTS = "instalmentCount";
    public static final String VAR_FREQUENCY = "frequency";
    public static final String VAR_FIRST_DUE_DATE = "firstDueDate";
    public static final String VAR_MONTHLY_INCOME = "monthlyIncome";
    /** Form fields of the approval task. */
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_APPROVAL_NOTE = "approvalNote";
    /** A payment arrived: look at the instalments now rather than at the next timer. */
    public static final String MESSAGE_PAYMENT_RECEIVED = "PlanPaymentReceived";
    public static final String TASK_NEGOTIATE_PLAN = "Task_NegotiatePlan";
    public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";

    private HardshipPlanProcess() {
    }
}
