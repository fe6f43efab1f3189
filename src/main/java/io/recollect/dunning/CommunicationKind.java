package io.recollect.dunning;

/** What a communication was about. */
public enum CommunicationKind {
    INVOICE, DUNNING, CONTACT_NOTE, WRITE_OFF_NOTICE
}
