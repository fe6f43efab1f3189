package io.recollect.dunning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An email as the customer received it, for the account page: the stored subject, HTML and text
 * alternative (null for emails queued before text alternatives were kept) and its attachments.
 */
public record EmailAsSent(UUID id, UUID customerId, String recipient, String subject, String html, String text,
        List<File> attachments, CommunicationStatus status, Instant sentAt, String messageId) {

    /** An attached file; {@code content} is exactly what was sent. */
    public record File(String filename, String contentType, byte[] content) {
    }

    static EmailAsSent of(Communication c) {
        return new EmailAsSent(c.getId(), c.getCustomerId(), c.getRecipient(), c.getSubject(), c.getBody(),
                c.getTextBody(), c.getAttachments().stream()
                        .map(a -> new File(a.filename(), a.contentType(), a.content())).toList(),
                c.getStatus(), c.getSentAt(), c.getSentAt() == null ? null : MailDelivery.messageId(c.getId()));
    }
}
