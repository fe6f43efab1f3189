package io.recollect.dunning;

import java.time.Instant;
import java.util.UUID;

/** One communication's stored text as its recipient got it: an email's HTML body, or a call's note. */
public record CommunicationContent(UUID id, UUID customerId, Channel channel, String recipient, String subject,
        String body, Instant createdAt, Instant sentAt) {

    static CommunicationContent of(Communication c) {
        return new CommunicationContent(c.getId(), c.getCustomerId(), c.getChannel(), c.getRecipient(), c.getSubject(),
                c.getBody(), c.getCreatedAt(), c.getSentAt());
    }
}
