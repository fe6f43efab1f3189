package io.recollect.customers;

import java.time.Instant;
import java.util.UUID;

/** The customer reported hardship, or it was cleared. */
public record HardshipChanged(UUID customerId, boolean hardship, String note, String actor, Instant at) {
}
