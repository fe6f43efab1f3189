package io.recollect.dunning;

import java.util.List;
import java.util.UUID;

/**
 * A queued email as the sender reads it from the outbox; {@code text} is null for emails queued
 * before plain-text alternatives were kept, which go out as HTML only, as they were rendered.
 */
record OutboxMail(UUID id, String recipient, String subject, String body, String text, int attempts,
        List<MailAttachment> attachments) {

    OutboxMail withAttachments(List<MailAttachment> files) {
        return new OutboxMail(id, recipient, subject, body, text, attempts, files);
    }
}
