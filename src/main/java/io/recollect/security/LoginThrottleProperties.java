package io.recollect.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins slow down further attempts. After {@code freeFailures} failures in a row
 * the subject (a user id, or a client address) waits {@code firstDelay}, and each further
 * failure doubles the wait up to {@code maxDelay}. A subject with no failure for
 * {@code forgetAfter} starts again from nothing; a successful login clears the user's count.
 *
 * @param user limits per user id, whoever tries it
 * @param address limits per client address, whichever users it tries
 * @param forgetAfter how long after the last failure the count is forgotten
 */
@ConfigurationProperties("recollect.security.login-throttle")
record LoginThrottleProperties(Limit user, Limit address, Duration forgetAfter) {

    record Limit(int freeFailures, Duration firstDelay, Duration maxDelay) {

        /** The wait after the given number of failures in a row; zero while failures are free. */
        Duration delayAfter(int failures) {
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - freeFailures, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }
}
