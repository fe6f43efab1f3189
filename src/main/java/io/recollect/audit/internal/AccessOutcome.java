package io.recollect.audit.internal;

/** Whether the access was let through or refused by team scoping. */
public enum AccessOutcome {
    GRANTED, DENIED
}
