package io.recollect.rules;

/** Who approves a write-off request, as the write-off-approval table says. */
public enum WriteOffApproval {
    /** Posted at once, no person involved. */
    AUTO,
    /** A task for collection managers. */
    COLLECTION_MANAGERS,
    /** A task for finance. */
    FINANCE
}
