package io.recollect.rules;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded decision with its citation; {@code inputs} is the situation as JSON, {@code arm}
 * whether the active version (champion) or a challenger took it.
 */
public record DecisionRecordView(UUID id, UUID caseId, Instant decidedAt, String inputs, CollectionAction action,
        int dunningLevel, String template, int waitDays, int priority, String candidateGroup, String reason,
        RuleCitation citation, Arm arm) {
}
