package io.recollect.payments;

import io.recollect.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** The part of a payment applied to one invoice. */
@Entity
@Table(name = "payment_allocations")
class PaymentAllocation {

    @Id
    private UUID id;
    private UUID invoiceId;
    private BigDecimal amount;

    protected PaymentAllocation() {
    }

    PaymentAllocation(UUID invoiceId, Money amount) {
        this.id = UUID.randomUUID();
        this.invoiceId = invoiceId;
        this.amount = amount.amount();
    }

    UUID getInvoiceId() {
        return invoiceId;
    }

    BigDecimal getAmount() {
        return amount;
    }
}
