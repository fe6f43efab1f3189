package io.recollect.rules;

/** What the collection case does next, as chosen by the collection-path table. */
public enum CollectionAction {

    /** Send the customer a dunning email at the level the table gives, then wait. */
    REMIND,

    /** Hand the account to a collector, who contacts the customer in person. */
    ESCALATE
}
