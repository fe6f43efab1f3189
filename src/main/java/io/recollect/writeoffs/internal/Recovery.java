package io.recollect.writeoffs.internal;

import io.recollect.shared.Money;
import io.recollect.writeoffs.WriteOffReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** Money received on an invoice after it was written off, once per (payment, invoice). */
@Entity
@Table(name = "write_off_recoveries")
public class Recovery {

    @Id
    private UUID id;
    private UUID customerId;
    private UUID invoiceId;
    private UUID writeOffId;
    private UUID paymentId;
    @Enumerated(EnumType.STRING)
    private WriteOffReason reason;
    @Column(name = "currency")
    private String currencyCode;
    private BigDecimal amount;
    private Instant recordedAt;

    protected Recovery() {
    }

    public Recovery(UUID customerId, UUID invoiceId, UUID writeOffId, WriteOffReason reason, UUID paymentId,
            Money amount, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.invoiceId = invoiceId;
        this.writeOffId = writeOffId;
        this.reason = reason;
        this.paymentId = paymentId;
        this.currencyCode = amount.currency().getCurrencyCode();
        this.amount = amount.amount();
        this.recordedAt = recordedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getInvoiceId() {
        return invoiceId;
    }

    public UUID getWriteOffId() {
        return writeOffId;
    }

    public UUID getPaymentId() {
        return paymentId;
    }

    public WriteOffReason getReason() {
        return reason;
    }

    public Money getAmount() {
        return Money.of(amount, Currency.getInstance(currencyCode));
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
