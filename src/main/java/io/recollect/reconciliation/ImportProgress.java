package io.recollect.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload of a statement as far as it has got: while {@code RUNNING}, how many of its lines are
 * done; then what it made of them, or why nothing of it was recorded.
 *
 * @param updatedAt when its progress last moved
 * @param badLines the lines that could not be read, with their line number and why
 */
public record ImportProgress(UUID id, String fileName, Status status, int linesTotal, int linesProcessed,
        String startedBy, Instant startedAt, Instant updatedAt, Instant finishedAt, UUID statementId, int recorded, int suggested,
        int exceptions, int alreadyKnown, int badLineCount, String message, List<BadLine> badLines) {

    public enum Status {
        /** Reading or matching its lines; nothing of it is recorded until it is DONE. */
        RUNNING,
        /** Recorded: every good line is matched, suggested or waiting for finance. */
        DONE,
        /** Nothing recorded: the file is malformed, or has bad lines and the uploader chose to refuse it whole. */
        REFUSED,
        /** Nothing recorded: the import broke off; uploading the file again is safe. */
        FAILED,
        /**
         * Never stored: RUNNING, but its progress has not moved for longer than
         * {@code recollect.reconciliation.upload-interrupted-after}, because the node importing it
         * stopped. Nothing of it was recorded (a statement is all or nothing); uploading the same
         * file again imports it.
         */
        INTERRUPTED
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    /**
     * As an operator should see it: RUNNING with no progress since before {@code staleBefore} is
     * interrupted. One not read yet waits behind another upload on its node's one worker, so it
     * counts as moving while any upload moves ({@code lastMove}, the latest progress of all).
     */
    ImportProgress asSeenAt(Instant staleBefore, Instant lastMove) {
        Instant moved = linesTotal == 0 && lastMove != null && lastMove.isAfter(updatedAt) ? lastMove : updatedAt;
        if (status != Status.RUNNING || !moved.isBefore(staleBefore)) {
            return this;
        }
        String where = linesTotal == 0 ? "Interrupted before its lines were read"
                : "Interrupted after " + linesProcessed + " of " + linesTotal + " lines";
        return new ImportProgress(id, fileName, Status.INTERRUPTED, linesTotal, linesProcessed, startedBy, startedAt,
                updatedAt, finishedAt, statementId, recorded, suggested, exceptions, alreadyKnown, badLineCount,
                where + ": no progress since " + updatedAt
                        + ", so the node importing it stopped. Nothing of it was recorded (a statement goes in whole"
                        + " or not at all); upload the same file again to import it.", badLines);
    }

    /** Share of the lines done, 0 to 100 (0 until the file is read). */
    public int percent() {
        return linesTotal == 0 ? 0 : (int) Math.min(100, (long) linesProcessed * 100 / linesTotal);
    }
}
