package io.recollect.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize records (customers, invoices, payments) per transaction of the load; a chunk
 *     always holds whole customers, so one customer with more records makes a larger chunk
 */
@ConfigurationProperties("recollect.imports")
record ImportProperties(@DefaultValue("1000") int chunkSize) {
}
