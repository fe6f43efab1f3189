package io.recollect.dunning;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything said to or heard from a customer. Emails are written here, rendered, in the
 * transaction of the step that decided them (the outbox), and sent later by a retried job;
 * the unique dedupe key makes each email exist once. An email keeps all the customer got (subject,
 * HTML, its text alternative, attachments), so it can be shown, and sent again, as it was.
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
    private String textBody;
    private String template;
    @ElementCollection
    @CollectionTable(name = "communication_attachments", joinColumns = @JoinColumn(name = "communication_id"))
    @OrderColumn(name = "position")
    private List<Attachment> attachments = new ArrayList<>();
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
            CommunicationKind kind, String template, Integer dunningLevel, String recipient, RenderedMail mail,
            List<MailAttachment> files, Instant now) {
        Communication c = new Communication(dedupeKey, customerId, Channel.EMAIL, kind, mail.subject(), mail.html(), now);
        c.textBody = mail.text();
        c.template = template;
        files.forEach(file -> c.attachments.add(new Attachment(file)));
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

    String getTextBody() {
        return textBody;
    }

    String getTemplate() {
        return template;
    }

    List<MailAttachment> getAttachments() {
        return attachments.stream().map(Attachment::file).toList();
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

    String getDedupeKey() {
        return dedupeKey;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
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

    /** A file as stored beside its email. */
    @Embeddable
    static class Attachment {
        private String filename;
        private String contentType;
        @Column(name = "content")
        private byte[] content;

        protected Attachment() {
        }

        Attachment(MailAttachment file) {
            this.filename = file.filename();
            this.contentType = file.contentType();
            this.content = file.content();
        }

        MailAttachment file() {
            return new MailAttachment(filename, contentType, content);
        }
    }
}
