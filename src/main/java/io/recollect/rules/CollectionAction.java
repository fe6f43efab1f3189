package io.recollect.rules;

/** What the collection case does next, as chosen by the collection-path table. */
public enum CollectionAction {

    /** Send the customer a dunning email (the row's template, at its dunning level), then wait. */
    REMIND,

    /** Send the last dunning email before people get involved (the row's template), then wait. */
    FINAL_NOTICE,

    /** Give the row's candidate group a task to contact the customer in person. */
    ESCALATE,

    /** Give the row's candidate group a task to decide on a payment plan with the customer. */
    OFFER_PLAN,

    /** Hand the account over to the collection agency; the row names the customer's notice and whose task it is. */
    AGENCY,

    /** Propose writing the balance off; the row's candidate group decides. */
    WRITE_OFF,

    /** Do nothing now; look at the account again after the row's wait. */
    HOLD
}
