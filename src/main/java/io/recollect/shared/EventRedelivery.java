package io.recollect.shared;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the module events whose listener failed (say, a process that was not yet
 * waiting for the message). Every listener is idempotent, so a second delivery by another
 * node is harmless.
 */
@Component
class EventRedelivery {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventRedelivery(IncompleteEventPublications incomplete,
            @Value("${recollect.events.redeliver-older-than:PT30S}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${recollect.events.redelivery-interval:PT30S}")
    void redeliver() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }
}
