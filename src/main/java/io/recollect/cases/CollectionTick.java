package io.recollect.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node, every half minute: start the daily run when its time has come (the database lets
 * one node do it), and decide what changed since. Claims are row locks, so nodes share the work
 * instead of repeating it; a node that dies holds nothing once its connections close.
 */
@Component
@ConditionalOnProperty(name = "recollect.run.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class CollectionTick {

    private static final Logger log = LoggerFactory.getLogger(CollectionTick.class);

    private final CollectionRunService runs;

    CollectionTick(CollectionRunService runs) {
        this.runs = runs;
    }

    @Scheduled(fixedDelayString = "${recollect.run.tick:PT30S}", initialDelayString = "${recollect.run.tick:PT30S}")
    void tick() {
        try {
            runs.startDailyIfDue().ifPresent(id -> log.info("Started the daily collection run {}", id));
            int decided = runs.decideChanges();
            if (decided > 0) {
                log.debug("Decided {} changed accounts", decided);
            }
        } catch (RuntimeException e) {
            // The next tick tries again; the marks are still in the database.
            log.warn("Collection tick failed, will retry: {}", e.toString());
        }
    }
}
