package io.recollect.dunning;

import java.time.Instant;
import java.util.UUID;

/** A communication as the account page shows it. */
public record CommunicationView(UUID id, Channel channel, CommunicationKind kind, Integer dunningLevel,
        UUID caseId, UUID invoiceId, String recipient, String subject, CommunicationStatus status,
        String author, Instant createdAt, Instant sentAt) {

    static CommunicationView of(Communication c) {
        return new CommunicationView(c.getId(), c.getChannel(), c.getKind(), c.getDunningLevel(), c.getCaseId(),
                c.getInvoiceId(), c.getRecipient(), c.getSubject(), c.getStatus(), c.getAuthor(),
                c.getCreatedAt(), c.getSentAt());
    }
}
