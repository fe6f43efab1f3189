package io.recollect.audit.internal;

import java.time.Instant;
import java.util.UUID;

/** What an auditor asks the log for; every criterion optional. {@code to} is exclusive. */
public record AccessLogQuery(UUID customerId, Instant from, Instant to, String user, int page, int size) {
}
