package io.recollect.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that ticks like the wall clock but reads a chosen business date; the engine's
 * ClockUtil is offset the same way. Unlike the frozen test clock, retries and event
 * redelivery, which wait for time to pass, behave as in production.
 */
final class BenchClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on, this clock and the engine read {@code instant}, and keep ticking. */
    void startAt(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
        ClockUtil.offset(offset.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the benchmark runs in UTC");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        @Primary
        BenchClock benchClock() {
            return new BenchClock();
        }
    }
}
