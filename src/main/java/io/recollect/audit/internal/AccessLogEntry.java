package io.recollect.audit.internal;

import java.time.Instant;
import java.util.UUID;

/** One line of the access log: who reached which customer's data, when, through which endpoint. */
public record AccessLogEntry(Instant at, String user, UUID customerId, String method, String endpoint,
        AccessOutcome outcome) {
}
