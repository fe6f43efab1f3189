package io.recollect.payments;

import io.recollect.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Unapplied credit of a payment paid back to the customer. */
@Entity
@Table(name = "payment_refunds")
class PaymentRefund {

    @Id
    private UUID id;
    private BigDecimal amount;
    private String reason;
    private String refundedBy;
    private Instant refundedAt;

    protected PaymentRefund() {
    }

    PaymentRefund(Money amount, String reason, String refundedBy, Instant refundedAt) {
        this.id = UUID.randomUUID();
        this.amount = amount.amount();
        this.reason = reason;
        this.refundedBy = refundedBy;
        this.refundedAt = refundedAt;
    }

    UUID getId() {
        return id;
    }

    BigDecimal getAmount() {
        return amount;
    }

    String getReason() {
        return reason;
    }

    String getRefundedBy() {
        return refundedBy;
    }

    Instant getRefundedAt() {
        return refundedAt;
    }
}
