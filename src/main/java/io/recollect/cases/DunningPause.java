package io.recollect.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * No dunning for the account (no invoice id) or one invoice, for a reason, until a date. Until it is
 * ended, the account's pause holds {@code openCustomerId} and an invoice's pause {@code openInvoiceId}:
 * their unique keys keep one running pause per account and per invoice, so pauses never overlap.
 */
@Entity
@Table(name = "dunning_pauses")
class DunningPause {

    static final String OPEN_KEY_ACCOUNT = "uk_dunning_pauses_open_customer";
    static final String OPEN_KEY_INVOICE = "uk_dunning_pauses_open_invoice";

    @Id
    private UUID id;
    private UUID customerId;
    private UUID invoiceId;
    private String reason;
    private LocalDate pausedUntil;
    private String pausedBy;
    private Instant pausedAt;
    private Instant endedAt;
    private UUID openCustomerId;
    private UUID openInvoiceId;
    @Version
    private Long version;

    protected DunningPause() {
    }

    DunningPause(UUID customerId, UUID invoiceId, String reason, LocalDate pausedUntil, String pausedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.invoiceId = invoiceId;
        this.reason = reason;
        this.pausedUntil = pausedUntil;
        this.pausedBy = pausedBy;
        this.pausedAt = now;
        this.openCustomerId = invoiceId == null ? customerId : null;
        this.openInvoiceId = invoiceId;
    }

    boolean isActiveOn(LocalDate day) {
        return endedAt == null && !pausedUntil.isBefore(day);
    }

    void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
            openCustomerId = null;
            openInvoiceId = null;
        }
    }

    UUID getCustomerId() {
        return customerId;
    }

    UUID getInvoiceId() {
        return invoiceId;
    }

    LocalDate getPausedUntil() {
        return pausedUntil;
    }
}
