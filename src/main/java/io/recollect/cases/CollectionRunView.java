package io.recollect.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A collection run and what it did so far.
 *
 * @param kind DAILY (the scheduled morning run) or ON_DEMAND (an operator's)
 * @param status RUNNING or FINISHED
 * @param cutoff accounts due at or before this moment are the run's
 * @param accountsDue accounts due when the run started
 * @param failedBatches batches that ran out of retries and wait as incidents in Cockpit
 */
public record CollectionRunView(UUID id, String kind, LocalDate dailyDate, String status, String startedBy,
        Instant startedAt, Instant cutoff, Instant finishedAt, int accountsDue, int decided, int emailsQueued,
        int emailsSent, int tasksCreated, int failedBatches) {
}
