package io.recollect.reconciliation;

/** What to do with a statement some of whose lines cannot be read: the uploader chooses. */
public enum BadLinePolicy {
    /** Import the good lines and report the bad ones. */
    IMPORT_REST,
    /** Record nothing and report the bad lines. */
    REFUSE_FILE
}
