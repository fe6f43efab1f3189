package io.recollect.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves business time and engine time together, so timers and "today" agree. */
public class TimeMachine {

    private final MovableClock clock;

    TimeMachine(MovableClock clock) {
        this.clock = clock;
    }

    public void travelTo(Instant instant) {
        clock.set(instant);
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public void advance(Duration duration) {
        travelTo(clock.instant().plus(duration));
    }

    public void advanceDays(int days) {
        advance(Duration.ofDays(days));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    public void reset() {
        ClockUtil.reset();
        clock.set(Instant.now());
    }
}
