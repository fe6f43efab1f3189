package io.recollect.writeoffs.internal;

import io.recollect.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

/** One invoice of a write-off: the amount fixed when it was requested, and what was posted. */
@Entity
@Table(name = "write_off_lines")
public class WriteOffLine {

    @Id
    private UUID id;
    private UUID invoiceId;
    private String invoiceNumber;
    private BigDecimal requestedAmount;
    private BigDecimal postedAmount;

    protected WriteOffLine() {
    }

    WriteOffLine(UUID invoiceId, String invoiceNumber, Money requested) {
        if (!requested.isPositive()) {
            throw new IllegalArgumentException("A write-off line needs a positive amount, not " + requested);
        }
        this.id = UUID.randomUUID();
        this.invoiceId = invoiceId;
        this.invoiceNumber = invoiceNumber;
        this.requestedAmount = requested.amount();
    }

    /** What posting may write off at most: the amount requested, never more. */
    public Money requested(Currency currency) {
        return Money.of(requestedAmount, currency);
    }

    void posted(Money amount) {
        if (amount.amount().compareTo(requestedAmount) > 0) {
            throw new IllegalStateException("Invoice " + invoiceNumber + ": posting " + amount + " exceeds the "
                    + requestedAmount + " requested");
        }
        this.postedAmount = amount.amount();
    }

    public Money posted(Currency currency) {
        return postedAmount == null ? null : Money.of(postedAmount, currency);
    }

    public UUID getInvoiceId() {
        return invoiceId;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }
}
