package io.recollect.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize records (customers, invoices, payments) per transaction of the load; a chunk
 *     always holds whole customers, so one customer with more records makes a larger chunk
 * @param interruptedAfter a running import whose progress has not moved for this long is shown as
 *     interrupted: the node running it stopped. Every committed chunk (and every thousand records
 *     checked) moves it, so keep it well above the time one chunk takes
 */
@ConfigurationProperties("recollect.imports")
record ImportProperties(@DefaultValue("1000") int chunkSize, @DefaultValue("5m") Duration interruptedAfter) {
}
