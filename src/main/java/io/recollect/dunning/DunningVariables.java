package io.recollect.dunning;

/** Process variables the dunning steps read and write; processes that use these steps share the names. */
public final class DunningVariables {

    public static final String CASE_ID = "caseId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String DECISION_ID = "decisionId";
    public static final String DUNNING_LEVEL = "dunningLevel";
    /** Set by the queue steps, read by the send step. */
    public static final String COMMUNICATION_ID = "communicationId";

    private DunningVariables() {
    }
}
