package io.recollect.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A customer contests an invoice: no dunning for it until a manager decides. */
@Entity
@Table(name = "disputes")
class Dispute {

    @Id
    private UUID id;
    private UUID customerId;
    private UUID invoiceId;
    private String reason;
    @Enumerated(EnumType.STRING)
    private DisputeStatus status;
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
