package io.recollect.cases;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the collection-case process that the walking skeleton's table does not yet give.
 *
 * @param contactTaskSla how long a collector has for a contact task
 * @param contactTaskPriority the Tasklist priority of contact tasks
 */
@ConfigurationProperties("recollect.collection")
record CollectionProperties(Duration contactTaskSla, int contactTaskPriority) {
}
