package io.recollect.invoicing;

import io.recollect.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The document that lowers an invoice, for example when a dispute is decided for the customer. */
@Entity
@Table(name = "credit_notes")
class CreditNote {

    @Id
    private UUID id;
    private String number;
    private UUID invoiceId;
    private BigDecimal amount;
    private String reason;
    private Instant issuedAt;

    protected CreditNote() {
    }

    CreditNote(String number, UUID invoiceId, Money amount, String reason, Instant issuedAt) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.invoiceId = invoiceId;
        this.amount = amount.amount();
        this.reason = reason;
        this.issuedAt = issuedAt;
    }

    String getNumber() {
        return number;
    }
}
