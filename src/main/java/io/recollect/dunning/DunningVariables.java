package io.recollect.dunning;

/** Process variables the dunning steps read and write; processes that use these steps share the names. */
public final class DunningVariables {

    /** Set by the steps that queue an email, read by the step that sends it. */
    public static final String COMMUNICATION_ID = "communicationId";

    private DunningVariables() {
    }
}
