package io.recollect.dunning;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * Everything said to or heard from a customer. Emails are written here, rendered, in the
 * transaction of the step that decided them (the outbox), and sent later by a retried job;
 * the unique dedupe key makes each email exist once.
 */
@Entity
@Table(name = "communications")
class Communication {

    @Id
    private UUID id;
    private UUID customerId;
    private UUID caseId;
    private UUID invoiceId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    private CommunicationKind kind;
    private Integer dunningLevel;
    private String dedupeKey;
    private String recipient;
    private String subject;
    private String body;
    @Enumerated(EnumType.STRING)
    private CommunicationStatus status;
    private int attempts;
    private String lastError;
    private String messageId;
    private String author;
    private Instant createdAt;
    private Instant sentAt;
    private Instant nextAttemptAt;
    @Version
    private Long version;

    protected Communication() {
    }

    static Communication email(String dedupeKey, UUID customerId, UUID caseId, UUID invoiceId,
            CommunicationKind kind, Integer dunningLevel, String recipient, String subject, String body, Instant now) {
        Communication c = new Communication(dedupeKey, customerId, Channel.EMAIL, kind, subject, body, now);
        c.caseId = caseId;
        c.invoiceId = invoiceId;
        c.dunningLevel = dunningLevel;
        c.recipient = recipient;
        c.status = CommunicationStatus.QUEUED;
        c.nextAttemptAt = now;
        return c;
    }

    static Communication callNote(String dedupeKey, UUID customerId, UUID caseId, String outcome, String note,
            String author, Instant now) {
        Communication c = new Communication(dedupeKey, customerId, Channel.PHONE, CommunicationKind.CONTACT_NOTE,
                outcome, note == null ? "" : note, now);
        c.caseId = caseId;
        c.author = author;
        c.status = CommunicationStatus.RECORDED;
        return c;
    }

    private Communication(String dedupeKey, UUID customerId, Channel channel, CommunicationKind kind,
            String subject, String body, Instant now) {
        this.id = UUID.randomUUID();
        this.dedupeKey = dedupeKey;
        this.customerId = customerId;
        this.channel = channel;
        this.kind = kind;
        this.subject = subject;
        this.body = body;
        this.createdAt = now;
    }

    UUID getId() {
        return id;
    }

    UUID getCustomerId() {
        return customerId;
    }

    UUID getCaseId() {
        return caseId;
    }

    UUID getInvoiceId() {
        return invoiceId;
    }

    Channel getChannel() {
        return channel;
    }

    CommunicationKind getKind() {
        return kind;
    }

    Integer getDunningLevel() {
        return dunningLevel;
    }

    String getRecipient() {
        return recipient;
    }

    String getSubject() {
        return subject;
    }

    String getBody() {
        return body;
    }

    CommunicationStatus getStatus() {
        return status;
    }

    String getAuthor() {
        return author;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getSentAt() {
        return sentAt;
    }

    int getAttempts() {
        return attempts;
    }

    String getLastError() {
        return lastError;
    }
}
