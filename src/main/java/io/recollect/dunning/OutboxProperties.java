package io.recollect.dunning;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How queued emails leave.
 *
 * @param retryDelays the wait after the first, second, ... failed attempt; after as many failures
 *     as there are delays, plus one, the email is FAILED
 * @param sweepInterval how often every node sends what is due (0 or negative: never, tests call
 *     the sender themselves)
 * @param batchSize at most this many emails per sweep over one SMTP connection
 */
@ConfigurationProperties("recollect.mail.outbox")
record OutboxProperties(@DefaultValue({"PT1M", "PT10M", "PT1H", "PT6H"}) List<Duration> retryDelays,
        @DefaultValue("PT30S") Duration sweepInterval, @DefaultValue("500") int batchSize) {

    OutboxProperties {
        if (retryDelays.isEmpty()) {
            throw new IllegalArgumentException("recollect.mail.outbox.retry-delays needs at least one delay");
        }
        retryDelays = List.copyOf(retryDelays);
    }

    int maxAttempts() {
        return retryDelays.size() + 1;
    }

    /** The wait after the given number of failed attempts, or null when none is left. */
    Duration delayAfter(int failedAttempts) {
        return failedAttempts < maxAttempts() ? retryDelays.get(failedAttempts - 1) : null;
    }
}
