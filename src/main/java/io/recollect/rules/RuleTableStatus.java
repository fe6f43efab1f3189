package io.recollect.rules;

/** Where a rule-table version stands. Exactly one version per table is ACTIVE. */
public enum RuleTableStatus {
    /** Passed every check; may be simulated and activated. */
    CANDIDATE,
    /** What every node decides with now. */
    ACTIVE,
    /** Was active once; activating it again is a rollback. */
    RETIRED,
    /** Failed a check; kept with its errors, never activatable. */
    REJECTED
}
