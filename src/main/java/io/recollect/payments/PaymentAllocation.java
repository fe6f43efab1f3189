package io.recollect.payments;

import io.recollect.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The part of a payment applied to one invoice; a reversed one no longer pays it. */
@Entity
@Table(name = "payment_allocations")
class PaymentAllocation {

    @Id
    private UUID id;
    private UUID invoiceId;
    private BigDecimal amount;
    @Enumerated(EnumType.STRING)
    private AllocationSource source;
    private Instant allocatedAt;
    private Instant reversedAt;

    protected PaymentAllocation() {
    }

    PaymentAllocation(UUID invoiceId, Money amount, AllocationSource source, Instant allocatedAt) {
        this.id = UUID.randomUUID();
        this.invoiceId = invoiceId;
        this.amount = amount.amount();
        this.source = source;
        this.allocatedAt = allocatedAt;
    }

    void reverse(Instant at) {
        reversedAt = at;
    }

    boolean isReversed() {
        return reversedAt != null;
    }

    UUID getInvoiceId() {
        return invoiceId;
    }

    BigDecimal getAmount() {
        return amount;
    }

    AllocationSource getSource() {
        return source == null ? AllocationSource.PAYMENT : source;
    }

    Instant getReversedAt() {
        return reversedAt;
    }
}
