package io.recollect.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload of a statement as far as it has got: while {@code RUNNING}, how many of its lines are
 * done; then what it made of them, or why nothing of it was recorded.
 *
 * @param badLines the lines that could not be read, with their line number and why
 */
public record ImportProgress(UUID id, String fileName, Status status, int linesTotal, int linesProcessed,
        String startedBy, Instant startedAt, Instant finishedAt, UUID statementId, int recorded, int suggested,
        int exceptions, int alreadyKnown, int badLineCount, String message, List<BadLine> badLines) {

    public enum Status {
        /** Reading or matching its lines; nothing of it is recorded until it is DONE. */
        RUNNING,
        /** Recorded: every good line is matched, suggested or waiting for finance. */
        DONE,
        /** Nothing recorded: the file is malformed, or has bad lines and the uploader chose to refuse it whole. */
        REFUSED,
        /** Nothing recorded: the import broke off; uploading the file again is safe. */
        FAILED
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    /** Share of the lines done, 0 to 100 (0 until the file is read). */
    public int percent() {
        return linesTotal == 0 ? 0 : (int) Math.min(100, (long) linesProcessed * 100 / linesTotal);
    }
}
