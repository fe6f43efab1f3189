package io.recollect.imports;

public enum ImportStatus {
    /** Being checked or loaded; the counts move with each committed chunk. */
    RUNNING,
    /** Every good line is in; the imported accounts are marked for the next collection run. */
    COMPLETED,
    /** Bad lines and {@link OnBadLines#REFUSE_FILE}: nothing was recorded. */
    REFUSED,
    /** Stopped by something other than a line of the file; what committed stays, a repeat finishes it. */
    FAILED,
    /**
     * Never stored: a RUNNING import whose progress has not moved for longer than
     * {@code recollect.imports.interrupted-after}, because the node running it stopped. What
     * committed stays; uploading the same file again finishes it.
     */
    INTERRUPTED
}
