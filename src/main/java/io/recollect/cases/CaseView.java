package io.recollect.cases;

import java.time.Instant;
import java.util.UUID;

/** A collection case as the account page shows it. */
public record CaseView(UUID id, CaseStatus status, int remindersSent, Instant openedAt, Instant closedAt,
        Instant lastActionAt, Instant nextStepAt, String agencyReference) {

    static CaseView of(CollectionCase c) {
        return new CaseView(c.getId(), c.getStatus(), c.getRemindersSent(), c.getOpenedAt(), c.getClosedAt(),
                c.getLastActionAt(), c.getNextStepAt(), c.getAgencyReference());
    }
}
