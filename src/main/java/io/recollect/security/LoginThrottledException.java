package io.recollect.security;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/** A login refused without checking the password, because of recent failures; try again later. */
class LoginThrottledException extends AccountStatusException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins. Try again in " + readable(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, for the Retry-After header. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static String readable(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return seconds < 120 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
    }
}
