package io.recollect.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the collection run works through the portfolio (when it starts is {@code recollect.daily-run-at}).
 *
 * @param batchSize accounts one Camunda job of the run claims and decides
 * @param decideChunk accounts claimed, decided and written per transaction within a batch
 * @param schedulerEnabled whether this node starts the daily run and decides changes between runs
 * @param dispatchLimit pieces of case work one pass carries out
 * @param dispatchChunk pieces of case work carried out per transaction
 * @param dispatchBatch pieces of case work one job of the run's parallel dispatch carries out
 * @param emailLimit emails one pass sends
 * @param emailBatch emails one job of the run's parallel sending sends, over one SMTP connection
 */
@ConfigurationProperties("recollect.run")
record CollectionRunProperties(@DefaultValue("500") int batchSize, @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("5000") int dispatchLimit, @DefaultValue("5000") int emailLimit,
        @DefaultValue("50") int dispatchChunk, @DefaultValue("500") int dispatchBatch,
        @DefaultValue("100") int decideChunk, @DefaultValue("1000") int emailBatch) {
}
