package io.recollect.dunning;

/** What a communication was about. */
public enum CommunicationKind {
    INVOICE, DUNNING, CONTACT_NOTE,
    /** A payment plan's agreement and instalment reminders. */
    PLAN,
    WRITE_OFF_NOTICE
}
