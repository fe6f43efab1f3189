package io.recollect.payments;

import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.ConflictException;
import io.recollect.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Money received from a customer, and where it went. What no invoice took stays unapplied (a credit). */
@Entity
@Table(name = "payments")
class Payment {

    @Id
    private UUID id;
    private String externalId;
    private UUID customerId;
    private BigDecimal amount;
    @Column(name = "currency")
    private String currencyCode;
    private LocalDate receivedOn;
    private String method;
    private String reference;
    private BigDecimal unappliedAmount;
    private Instant recordedAt;
    private String recordedBy;
    @Version
    private Long version;

    private boolean explicitAllocation;
    private Instant reversedAt;
    private String reversalReason;
    private String reversedBy;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "payment_id", nullable = false)
    @OrderBy("allocatedAt")
    private List<PaymentAllocation> allocations = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "payment_id", nullable = false)
    @OrderBy("refundedAt")
    private List<PaymentRefund> refunds = new ArrayList<>();

    protected Payment() {
    }

    Payment(String externalId, UUID customerId, Money amount, LocalDate receivedOn, String method,
            String reference, Instant recordedAt, String recordedBy) {
        this.id = UUID.randomUUID();
        this.externalId = externalId;
        this.customerId = customerId;
        this.amount = amount.amount();
        this.currencyCode = amount.currency().getCurrencyCode();
        this.receivedOn = receivedOn;
        this.method = method;
        this.reference = reference;
        this.unappliedAmount = amount.amount();
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    void allocate(UUID invoiceId, Money applied, AllocationSource source, Instant at) {
        requireNotReversed("allocate");
        if (applied.compareTo(getUnapplied()) > 0) {
            throw new IllegalArgumentException("Cannot allocate " + applied + ", only " + getUnapplied() + " left");
        }
        allocations.add(new PaymentAllocation(invoiceId, applied, source, at));
        unappliedAmount = getUnapplied().minus(applied).amount();
    }

    /**
     * Undoes the payment: its allocations stop counting and nothing of it is left to apply.
     * Returns what each invoice had taken, for the invoices to reopen.
     */
    List<PaymentAllocation> reverse(String reason, String by, Instant at) {
        requireNotReversed("reverse");
        if (!refunds.isEmpty()) {
            throw new BusinessRuleException("payment-refunded", "Payment " + externalId
                    + " had credit refunded; reverse the refund with the bank before reversing the payment");
        }
        List<PaymentAllocation> undone = activeAllocations();
        undone.forEach(allocation -> allocation.reverse(at));
        reversedAt = at;
        reversalReason = reason;
        reversedBy = by;
        unappliedAmount = BigDecimal.ZERO;
        return undone;
    }

    /** Pays unapplied credit back to the customer. */
    void refund(Money refunded, String reason, String by, Instant at) {
        requireNotReversed("refund credit of");
        if (refunded.compareTo(getUnapplied()) > 0) {
            throw new BusinessRuleException("refund-exceeds-credit", "Payment " + externalId + " has only "
                    + getUnapplied() + " unapplied, cannot refund " + refunded);
        }
        refunds.add(new PaymentRefund(refunded, reason, by, at));
        unappliedAmount = getUnapplied().minus(refunded).amount();
    }

    private void requireNotReversed(String action) {
        if (reversedAt != null) {
            throw new ConflictException("payment-reversed", "Cannot " + action + " payment " + externalId
                    + ": it was reversed at " + reversedAt);
        }
    }

    void allocatedAsNamed() {
        explicitAllocation = true;
    }

    boolean isExplicitAllocation() {
        return explicitAllocation;
    }

    List<PaymentAllocation> activeAllocations() {
        return allocations.stream().filter(a -> !a.isReversed()).toList();
    }

    boolean isReversed() {
        return reversedAt != null;
    }

    Instant getReversedAt() {
        return reversedAt;
    }

    String getReversalReason() {
        return reversalReason;
    }

    String getReversedBy() {
        return reversedBy;
    }

    List<PaymentRefund> getRefunds() {
        return refunds;
    }

    UUID getId() {
        return id;
    }

    String getExternalId() {
        return externalId;
    }

    UUID getCustomerId() {
        return customerId;
    }

    Money getAmount() {
        return Money.of(amount, Currency.getInstance(currencyCode));
    }

    Money getUnapplied() {
        return Money.of(unappliedAmount, Currency.getInstance(currencyCode));
    }

    LocalDate getReceivedOn() {
        return receivedOn;
    }

    String getMethod() {
        return method;
    }

    String getReference() {
        return reference;
    }

    Instant getRecordedAt() {
        return recordedAt;
    }

    /** Payments recorded before this was kept were recorded by the system as far as anyone knows. */
    String getRecordedBy() {
        return recordedBy == null ? Actors.SYSTEM : recordedBy;
    }

    List<PaymentAllocation> getAllocations() {
        return allocations;
    }
}
