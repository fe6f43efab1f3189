package io.recollect.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param unappliedOlderThanDays unapplied cash received longer ago than this is reported
 * @param uploadInterruptedAfter a running statement upload whose progress has not moved for this
 *     long is shown as interrupted: the node importing it stopped. Progress moves every hundred
 *     lines, so keep it well above the time a hundred lines take
 */
@ConfigurationProperties("recollect.reconciliation")
record ReconciliationProperties(@DefaultValue("30") int unappliedOlderThanDays,
        @DefaultValue("5m") Duration uploadInterruptedAfter) {
}
