package io.recollect.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param unappliedOlderThanDays unapplied cash received longer ago than this is reported
 */
@ConfigurationProperties("recollect.reconciliation")
record ReconciliationProperties(@DefaultValue("30") int unappliedOlderThanDays) {
}
