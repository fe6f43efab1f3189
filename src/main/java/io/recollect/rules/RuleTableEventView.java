package io.recollect.rules;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a table's audit trail.
 *
 * @param kind SEEDED, UPLOADED, REJECTED, REFUSED, SIMULATED, ACTIVATED or ROLLED_BACK
 */
public record RuleTableEventView(UUID id, String table, UUID versionId, String kind, String actor, Instant at,
        String comment, String detail) {
}
