package io.recollect.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests set by hand; {@link TimeMachine} keeps it and Camunda's ClockUtil together. One
 * time for the whole JVM, like ClockUtil: test classes with their own properties get a context of
 * their own on the same database, and /engine-rest resolves the JVM's default engine, which may be
 * another context's, so every context must read the same time.
 */
public class MovableClock extends Clock {

    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());

    void set(Instant instant) {
        NOW.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Recollect's tests run in UTC");
    }

    @Override
    public Instant instant() {
        return NOW.get();
    }
}
