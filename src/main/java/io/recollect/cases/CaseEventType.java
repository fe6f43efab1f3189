package io.recollect.cases;

/** Things that happen on an account besides decisions, emails and payments. */
public enum CaseEventType {
    PROMISE_RECORDED, PROMISE_KEPT, PROMISE_BROKEN,
    /** The payment that kept a promise was reversed: the promise is open again, or broken when it cannot be. */
    PROMISE_REOPENED,
    DISPUTE_RAISED, DISPUTE_UPHELD, DISPUTE_CREDITED,
    DUNNING_PAUSED, DUNNING_RESUMED,
    HARDSHIP_REPORTED, HARDSHIP_CLEARED,
    PLAN_DECISION, WRITE_OFF_DECISION, WRITE_OFF_POSTED, AGENCY_HANDOVER,
    /** The code held back a letter the table chose: its step was sent, or the last step's wait runs. */
    REMINDER_HELD,
    /** No row of the table covers the account's situation; it waits for the next run. */
    RULE_GAP,
    /** A task passed its SLA and was raised. */
    TASK_ESCALATED
}
