package io.recollect.dunning;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox as operators watch it: {@code /actuator/health} (component {@code mailOutbox})
 * and the gauge {@code recollect.mail.outbox.failed} count the FAILED emails, which nothing
 * retries until someone queues them again, and the emails due now.
 */
@Component("mailOutbox")
class OutboxHealth implements HealthIndicator {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboxHealth(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("recollect.mail.outbox.failed", this, OutboxHealth::failed)
                .description("Emails out of attempts, waiting for an operator").register(meters);
        Gauge.builder("recollect.mail.outbox.due", this, OutboxHealth::due)
                .description("Queued emails whose next attempt is due").register(meters);
    }

    @Override
    public Health health() {
        long failed = failed();
        Health.Builder health = failed > 0 ? Health.status("FAILED_EMAILS") : Health.up();
        return health.withDetail("due", due()).withDetail("failed", failed).build();
    }

    long failed() {
        return count("select count(*) from communications where status = 'FAILED'");
    }

    long due() {
        return count("select count(*) from communications where status = 'QUEUED' and next_attempt_at <= ?",
                clock.instant().atOffset(ZoneOffset.UTC));
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
