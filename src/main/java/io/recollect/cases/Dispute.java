package io.recollect.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer contests an invoice: no dunning for it until a manager decides. {@code openInvoiceId}
 * is set only while open: its unique key keeps one open dispute per invoice.
 */
@Entity
@Table(name = "disputes")
class Dispute {

    static final String OPEN_KEY = "uk_disputes_open_invoice";

    @Id
    private UUID id;
    private UUID customerId;
    private UUID invoiceId;
    private String reason;
    @Enumerated(EnumType.STRING)
    private DisputeStatus status;
    private UUID openInvoiceId;
    private String raisedBy;
    private Instant raisedAt;
    private String resolutionNote;
    private String resolvedBy;
    private Instant resolvedAt;
    @Version
    private Long version;

    protected Dispute() {
    }

    Dispute(UUID customerId, UUID invoiceId, String reason, String raisedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.invoiceId = invoiceId;
        this.reason = reason;
        this.status = DisputeStatus.OPEN;
        this.openInvoiceId = invoiceId;
        this.raisedBy = raisedBy;
        this.raisedAt = now;
    }

    void resolve(DisputeStatus outcome, String note, String actor, Instant now) {
        if (status != DisputeStatus.OPEN) {
            throw new IllegalStateException("Dispute " + id + " is already " + status);
        }
        if (outcome == DisputeStatus.OPEN) {
            throw new IllegalArgumentException("A resolution must uphold or credit");
        }
        this.status = outcome;
        this.openInvoiceId = null;
        this.resolutionNote = note;
        this.resolvedBy = actor;
        this.resolvedAt = now;
    }

    UUID getId() {
        return id;
    }

    UUID getCustomerId() {
        return customerId;
    }

    UUID getInvoiceId() {
        return invoiceId;
    }

    DisputeStatus getStatus() {
        return status;
    }

    String getReason() {
        return reason;
    }

    String getRaisedBy() {
        return raisedBy;
    }
}
