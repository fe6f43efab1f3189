package io.recollect.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A simulation of a version against the live portfolio: its progress while it runs, then what it found.
 *
 * @param status     RUNNING, DONE or FAILED
 * @param result     null until DONE
 * @param changed    one page of the accounts whose decision changes
 */
public record SimulationView(UUID id, String table, UUID versionId, UUID activeVersionId, String startedBy,
        Instant startedAt, Instant finishedAt, String status, int accountsDone, int accounts, Result result,
        List<Change> changed, int page, int size, String failure) {

    /**
     * @param matrix     accounts by old action, then new action
     * @param oldRows    accounts per rule of the active version ("R12 (row 29)")
     * @param newRows    accounts per rule of the candidate
     * @param emails     emails the next run would send, by template: [active, candidate]
     * @param tasks      tasks the next run would create, by candidate group: [active, candidate]
     * @param changedAccounts accounts whose action or rule differs
     */
    public record Result(int accounts, int changedAccounts, Map<String, Map<String, Integer>> matrix,
            Map<String, Integer> oldRows, Map<String, Integer> newRows, Map<String, int[]> emails,
            Map<String, int[]> tasks, int oldGaps, int newGaps) {
    }

    /** One account whose decision changes; a null action is a gap (no row covers it). */
    public record Change(UUID customerId, String customerName, String oldAction, String oldRule, String newAction,
            String newRule) {
    }
}
