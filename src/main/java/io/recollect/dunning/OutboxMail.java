package io.recollect.dunning;

import java.util.UUID;

/** A queued email as the sender reads it from the outbox. */
record OutboxMail(UUID id, String recipient, String subject, String body, int attempts) {
}
