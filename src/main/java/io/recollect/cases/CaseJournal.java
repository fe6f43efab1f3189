package io.recollect.cases;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes case events and announces that the account's situation changed, so the open case
 * re-evaluates once the change has committed.
 */
@Component
class CaseJournal {

    private final CaseEvents events;
    private final CollectionCases cases;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    CaseJournal(CaseEvents events, CollectionCases cases, ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.cases = cases;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Records the event against the customer's open case (if any) and wakes that case. */
    void changed(UUID customerId, CaseEventType type, String detail, String actor) {
        record(customerId, type, detail, actor);
        publisher.publishEvent(new SituationChanged(customerId));
    }

    void record(UUID customerId, CaseEventType type, String detail, String actor) {
        UUID caseId = cases.findByOpenCustomerId(customerId).map(CollectionCase::getId).orElse(null);
        events.save(new CaseEvent(customerId, caseId, type, detail, actor, clock.instant()));
    }

    Optional<CollectionCase> openCase(UUID customerId) {
        return cases.findByOpenCustomerId(customerId);
    }
}
