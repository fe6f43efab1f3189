package io.recollect.dunning;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the outbox every {@code recollect.mail.outbox.sweep-interval}, on every
 * node: the sender's row locks keep nodes off each other's emails, so no node is special and
 * none has to stay up. A sweep drains the due emails in batches, and ends early in an outage.
 */
@Component
class OutboxSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final OutboxSender sender;
    private final OutboxProperties properties;

    OutboxSweeper(OutboxSender sender, OutboxProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = properties.sweepInterval();
        if (!interval.isNegative() && !interval.isZero()) {
            registrar.addFixedDelayTask(this::sweep, interval);
        }
    }

    void sweep() {
        try {
            SendResult batch;
            do {
                batch = sender.sendQueued(properties.batchSize());
            } while (batch.total() == properties.batchSize() && batch.retryLater() == 0);
        } catch (RuntimeException e) {
            // The database is away, say; the next sweep tries again, and the emails wait queued.
            log.warn("Outbox sweep stopped: {}", e.toString());
        }
    }
}
