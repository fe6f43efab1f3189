package io.recollect.rules;

import java.time.Instant;
import java.util.UUID;

/**
 * A challenger version deciding a share of a table's accounts beside the active version.
 *
 * @param sharePercent the percentage of accounts (of the segment, if one is set) the challenger decides
 * @param segment      null when the share is drawn from every segment
 * @param endReason    null while it runs; ENDED when a manager stopped it, PROMOTED when its version was activated
 */
public record ChallengerView(UUID id, String table, UUID versionId, String sha256, int sharePercent, String segment,
        String startedBy, Instant startedAt, String comment, String endedBy, Instant endedAt, String endReason) {

    public boolean running() {
        return endedAt == null;
    }
}
