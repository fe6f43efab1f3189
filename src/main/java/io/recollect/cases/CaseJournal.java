package io.recollect.cases;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import io.recollect.customers.AccountSchedule;
import org.springframework.stereotype.Component;

/**
 * Writes case events and marks the account changed in the same transaction, so the collection
 * run decides it again within a minute.
 */
@Component
class CaseJournal {

    private final CaseEvents events;
    private final CollectionCases cases;
    private final AccountSchedule schedule;
    private final Clock clock;

    CaseJournal(CaseEvents events, CollectionCases cases, AccountSchedule schedule, Clock clock) {
        this.events = events;
        this.cases = cases;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Records the event against the customer's open case (if any) and marks the account to be decided again. */
    void changed(UUID customerId, CaseEventType type, String detail, String actor) {
        record(customerId, type, detail, actor);
        schedule.changed(customerId);
    }

    void record(UUID customerId, CaseEventType type, String detail, String actor) {
        UUID caseId = cases.findByOpenCustomerId(customerId).map(CollectionCase::getId).orElse(null);
        events.save(new CaseEvent(customerId, caseId, type, detail, actor, clock.instant()));
    }

    Optional<CollectionCase> openCase(UUID customerId) {
        return cases.findByOpenCustomerId(customerId);
    }
}
