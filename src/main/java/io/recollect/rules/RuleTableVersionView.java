package io.recollect.rules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored version as the API and the page show it; the bytes are fetched separately. */
public record RuleTableVersionView(UUID id, String table, String sha256, String uploadedBy, Instant uploadedAt,
        String comment, RuleTableStatus status, List<RuleTableProblem> errors, String activatedBy,
        Instant activatedAt) {
}
