package io.recollect.plans;

/** An instalment's state on a given day. */
public enum InstalmentState {
    /** Not yet due. */
    UPCOMING,
    /** Due or in its grace days, not paid in full. */
    DUE,
    /** Its grace days passed before it was paid in full. */
    MISSED,
    /** Its grace days passed while an invoice of the plan was disputed: not counted missed, still owed. */
    EXCUSED,
    PAID
}
