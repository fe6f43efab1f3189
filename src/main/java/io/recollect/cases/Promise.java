package io.recollect.cases;

import io.recollect.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/**
 * A promise to pay an amount by a date. Payments received after it was made count towards it;
 * it is kept when they reach the amount, broken when the date plus grace passes first.
 * {@code openCustomerId} is set only while open: its unique key keeps one open promise per customer.
 */
@Entity
@Table(name = "promises")
class Promise {

    static final String OPEN_KEY = "uk_promises_open_customer";

    @Id
    private UUID id;
    private UUID caseId;
    private UUID customerId;
    private LocalDate promisedDate;
    private BigDecimal amount;
    @Column(name = "currency")
    private String currencyCode;
    private BigDecimal receivedAmount;
    @Enumerated(EnumType.STRING)
    private PromiseStatus status;
    private UUID openCustomerId;
    private String recordedBy;
    private Instant recordedAt;
    private Instant resolvedAt;
    @Version
    private Long version;

    protected Promise() {
    }

    Promise(UUID caseId, UUID customerId, LocalDate promisedDate, Money amount, String recordedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.customerId = customerId;
        this.promisedDate = promisedDate;
        this.amount = amount.amount();
        this.currencyCode = amount.currency().getCurrencyCode();
        this.receivedAmount = BigDecimal.ZERO;
        this.status = PromiseStatus.OPEN;
        this.openCustomerId = customerId;
        this.recordedBy = recordedBy;
        this.recordedAt = now;
    }

    /**
     * Sets what was paid towards the promise, everything received since it was made (recomputed,
     * never added to); returns true when that keeps it.
     */
    boolean received(Money sinceRecorded, Instant now) {
        requireOpen();
        receivedAmount = sinceRecorded.amount();
        if (keptBy(sinceRecorded)) {
            status = PromiseStatus.KEPT;
            openCustomerId = null;
            resolvedAt = now;
            return true;
        }
        return false;
    }

    /**
     * The money that kept it was reversed, and what is left since it was made no longer reaches
     * its amount: open again while its case is open and no other promise is, else broken.
     */
    void unkept(Money sinceRecorded, boolean reopen, Instant now) {
        if (status != PromiseStatus.KEPT) {
            throw new IllegalStateException("Promise " + id + " is " + status);
        }
        receivedAmount = sinceRecorded.amount();
        status = reopen ? PromiseStatus.OPEN : PromiseStatus.BROKEN;
        openCustomerId = reopen ? customerId : null;
        resolvedAt = reopen ? null : now;
    }

    /** Breaks the promise if its date plus grace is behind us; returns true when it did. */
    boolean breakIfOverdue(LocalDate today, int graceDays, Instant now) {
        requireOpen();
        if (brokenOn(today, graceDays)) {
            status = PromiseStatus.BROKEN;
            openCustomerId = null;
            resolvedAt = now;
            return true;
        }
        return false;
    }

    /** Whether that much received since it was made keeps it: what {@link #received} decides, changing nothing. */
    boolean keptBy(Money sinceRecorded) {
        return Money.of(sinceRecorded.amount(), getAmount().currency()).compareTo(getAmount()) >= 0;
    }

    /** Whether its date plus grace is behind us: what {@link #breakIfOverdue} decides, changing nothing. */
    boolean brokenOn(LocalDate today, int graceDays) {
        return today.isAfter(lastDayToPay(graceDays));
    }

    LocalDate lastDayToPay(int graceDays) {
        return promisedDate.plusDays(graceDays);
    }

    private void requireOpen() {
        if (status != PromiseStatus.OPEN) {
            throw new IllegalStateException("Promise " + id + " is " + status);
        }
    }

    Money getAmount() {
        return Money.of(amount, Currency.getInstance(currencyCode));
    }

    Money getReceived() {
        return Money.of(receivedAmount, Currency.getInstance(currencyCode));
    }

    Instant getRecordedAt() {
        return recordedAt;
    }

    Instant getResolvedAt() {
        return resolvedAt;
    }

    UUID getCaseId() {
        return caseId;
    }

    UUID getCustomerId() {
        return customerId;
    }

    UUID getId() {
        return id;
    }

    LocalDate getPromisedDate() {
        return promisedDate;
    }

    PromiseStatus getStatus() {
        return status;
    }
}
