package io.recollect.cases;

import io.recollect.dunning.DunningVariables;

/** Names shared between processes/collection-case.bpmn and the code that drives it. */
public final class CollectionCaseProcess {

    public static final String KEY = "collection-case";
    public static final String VAR_CASE_ID = DunningVariables.CASE_ID;
    public static final String VAR_CUSTOMER_ID = DunningVariables.CUSTOMER_ID;
    public static final String VAR_NOTHING_OVERDUE = "nothingOverdue";
    public static final String VAR_ACTION = "action";
    public static final String VAR_DUNNING_LEVEL = DunningVariables.DUNNING_LEVEL;
    public static final String VAR_DECISION_ID = DunningVariables.DECISION_ID;
    public static final String VAR_WAIT_UNTIL = "waitUntil";
    public static final String VAR_TASK_DUE_DATE = "taskDueDate";
    public static final String VAR_TASK_PRIORITY = "taskPriority";
    /** Form fields of the contact-customer task. */
    public static final String VAR_CONTACT_OUTCOME = "contactOutcome";
    public static final String VAR_CONTACT_NOTE = "contactNote";
    /** Something changed on the account: evaluate again now rather than at the end of the wait. */
    public static final String MESSAGE_ACCOUNT_CHANGED = "AccountChanged";
    /** Nothing is overdue any more: evaluate now (and close), even from the contact task. */
    public static final String MESSAGE_ACCOUNT_SETTLED = "AccountSettled";
    public static final String TASK_CONTACT_CUSTOMER = "Task_ContactCustomer";

    private CollectionCaseProcess() {
    }
}
