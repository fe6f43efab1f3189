package io.recollect.dunning;

/** QUEUED emails wait in the outbox; SENT ones were accepted by the SMTP server; notes are RECORDED. */
public enum CommunicationStatus {
    QUEUED, SENT, RECORDED
}
