package io.recollect.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** No dunning for the account (no invoice id) or one invoice, for a reason, until a date. */
@Entity
@Table(name = "dunning_pauses")
class DunningPause {

    @Id
    private UUID id;
    private UUID customerId;
    private UUID invoiceId;
    private String reason;
    private LocalDate pausedUntil;
    private String pausedBy;
    private Instant pausedAt;
    private Instant endedAt;
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
    }

    boolean isActiveOn(LocalDate day) {
        return endedAt == null && !pausedUntil.isBefore(day);
    }

    void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
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
