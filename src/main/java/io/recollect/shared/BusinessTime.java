package io.recollect.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one business zone ({@code recollect.zone}, default UTC) and the time of day the daily
 * collection run starts in it. "Today", due dates and day counts are calendar days in this zone
 * on every node, whatever the JVM's own zone.
 *
 * @param zone the business zone
 * @param dailyRunAt when the daily collection run starts, local time in the business zone
 */
@ConfigurationProperties("recollect")
public record BusinessTime(@DefaultValue("UTC") ZoneId zone, @DefaultValue("06:00") LocalTime dailyRunAt) {

    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The moment the daily run of {@code day} starts: scheduled decisions for that day fall due then. */
    public Instant runTimeOn(LocalDate day) {
        return day.atTime(dailyRunAt).atZone(zone).toInstant();
    }

    /** The first daily run after {@code now}: the earliest a scheduled decision can be taken. */
    public Instant nextRunAfter(Instant now) {
        Instant today = runTimeOn(dayOf(now));
        return now.isBefore(today) ? today : runTimeOn(dayOf(now).plusDays(1));
    }

    /** Calendar days from {@code from}'s day to {@code to}'s day, never negative. */
    public int daysBetween(Instant from, Instant to) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(dayOf(from), dayOf(to)));
    }
}
