package io.recollect.cases;

import java.time.Instant;
import java.util.UUID;

/** A case event as the timeline shows it. */
public record CaseEventView(UUID id, UUID caseId, CaseEventType type, String detail, String actor, Instant at) {
}
