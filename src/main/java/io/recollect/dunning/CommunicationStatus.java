package io.recollect.dunning;

/**
 * QUEUED emails wait in the outbox for their next attempt; SENT ones were accepted by the SMTP
 * server; FAILED ones ran out of attempts and wait for an operator; notes are RECORDED.
 */
public enum CommunicationStatus {
    QUEUED, SENT, FAILED, RECORDED
}
