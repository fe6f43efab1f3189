package io.recollect.cases;

/** Things that happen on an account besides decisions, emails and payments. */
public enum CaseEventType {
    PROMISE_RECORDED, PROMISE_KEPT, PROMISE_BROKEN,
    DISPUTE_RAISED, DISPUTE_UPHELD, DISPUTE_CREDITED,
    DUNNING_PAUSED, DUNNING_RESUMED,
    HARDSHIP_REPORTED, HARDSHIP_CLEARED,
    PLAN_DECISION, WRITE_OFF_DECISION, WRITE_OFF_POSTED, AGENCY_HANDOVER
}
