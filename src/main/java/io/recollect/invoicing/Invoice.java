package io.recollect.invoicing;

import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * An invoice guards its own transitions: it is issued once, takes payments up to its open
 * amount, and is paid when nothing is left open. The open amount never goes negative.
 */
@Entity
@Table(name = "invoices")
public class Invoice {

    @Id
    private UUID id;
    private String number;
    private UUID customerId;
    @Column(name = "currency")
    private String currencyCode;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private BigDecimal totalAmount;
    private BigDecimal openAmount;
    private BigDecimal creditedAmount;
    private BigDecimal writtenOffAmount;
    private BigDecimal recoveredAmount;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private Instant createdAt;
    private Instant issuedAt;
    private Instant settledAt;
    private String paymentReference;
    @Version
    private Long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "invoice_id", nullable = false)
    @OrderBy("lineNo")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    Invoice(String number, UUID customerId, Currency currency, LocalDate issueDate, LocalDate dueDate,
            Instant createdAt) {
        if (dueDate.isBefore(issueDate)) {
            throw new BusinessRuleException("due-before-issue", "The due date " + dueDate
                    + " is before the issue date " + issueDate);
        }
        this.id = UUID.randomUUID();
        this.number = number;
        this.customerId = customerId;
        this.currencyCode = currency.getCurrencyCode();
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.totalAmount = BigDecimal.ZERO;
        this.openAmount = BigDecimal.ZERO;
        this.creditedAmount = BigDecimal.ZERO;
        this.writtenOffAmount = BigDecimal.ZERO;
        this.recoveredAmount = BigDecimal.ZERO;
        this.status = InvoiceStatus.DRAFT;
        this.createdAt = createdAt;
    }

    void addLine(String serviceCode, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal taxRate) {
        requireStatus(InvoiceStatus.DRAFT, "add a line to");
        InvoiceLine line = new InvoiceLine(lines.size() + 1, serviceCode, description, quantity, unitPrice,
                taxRate, getCurrency());
        lines.add(line);
        totalAmount = totalAmount.add(line.getLineTotal());
        openAmount = totalAmount;
    }

    void issue(Instant now, String paymentReference) {
        requireStatus(InvoiceStatus.DRAFT, "issue");
        if (!getTotal().isPositive()) {
            throw new BusinessRuleException("empty-invoice", "Invoice " + number + " has nothing to bill");
        }
        status = InvoiceStatus.ISSUED;
        issuedAt = now;
        this.paymentReference = paymentReference;
    }

    /**
     * A payment it took is reversed (bounced, charged back): that much is owed again, whatever
     * settled the invoice meanwhile; what was credited or written off stays so.
     */
    void reopen(Money reversed) {
        if (status == InvoiceStatus.DRAFT) {
            throw new BusinessRuleException("invoice-not-issued", "Invoice " + number + " was never issued");
        }
        Money open = getOpenAmount().plus(reversed);
        if (open.compareTo(getTotal()) > 0) {
            throw new BusinessRuleException("reversal-exceeds-total", "Invoice " + number + " cannot owe "
                    + open + ", more than its total " + getTotal());
        }
        openAmount = open.amount();
        settledAt = null;
        if (status != InvoiceStatus.DISPUTED) {
            status = open.compareTo(getTotal()) == 0 ? InvoiceStatus.ISSUED : InvoiceStatus.PARTIALLY_PAID;
        }
    }

    /** Takes up to the open amount; returns what it took. */
    Money applyPayment(Money amount, Instant now) {
        requireOpen("apply a payment to");
        Money applied = amount.min(getOpenAmount());
        reduceOpenAmount(applied, InvoiceStatus.PAID, now);
        if (status.isOpen()) {
            status = InvoiceStatus.PARTIALLY_PAID;
        }
        return applied;
    }

    /** A credit note lowers what is owed; credited to zero, the invoice is cancelled. */
    Money credit(Money amount, Instant now) {
        requireOpen("credit");
        if (amount.compareTo(getOpenAmount()) > 0) {
            throw new BusinessRuleException("credit-exceeds-open-amount", "Invoice " + number + " has only "
                    + getOpenAmount() + " open, cannot credit " + amount);
        }
        creditedAmount = creditedAmount.add(amount.amount());
        reduceOpenAmount(amount, InvoiceStatus.CANCELLED, now);
        return amount;
    }

    /** Writes off everything still open. */
    Money writeOff(Instant now) {
        requireOpen("write off");
        return writeOff(getOpenAmount(), now);
    }

    /**
     * Writes off up to {@code amount} of what is open, never more than is open (what was paid
     * since the write-off was requested is not written off); returns what it wrote off. Written
     * off to zero, the invoice is WRITTEN_OFF; otherwise it stays open for the rest.
     */
    Money writeOff(Money amount, Instant now) {
        requireOpen("write off");
        Money posted = amount.min(getOpenAmount());
        if (posted.isPositive()) {
            writtenOffAmount = writtenOffAmount.add(posted.amount());
            reduceOpenAmount(posted, InvoiceStatus.WRITTEN_OFF, now);
        }
        return posted;
    }

    /**
     * Money received after the invoice was written off: a recovery, up to what was written off
     * and not yet recovered. The open amount stays at zero; returns what was taken as recovery.
     */
    Money recover(Money amount) {
        if (status != InvoiceStatus.WRITTEN_OFF) {
            throw new BusinessRuleException("invoice-not-written-off", "Invoice " + number
                    + " is " + status + "; only a written-off invoice takes a recovery");
        }
        Money taken = amount.min(getWrittenOff().minus(getRecovered()));
        recoveredAmount = recoveredAmount.add(taken.amount());
        return taken;
    }

    /** A recovery's payment bounced: that much is no longer recovered; the open amount stays at zero. */
    void unrecover(Money amount) {
        if (amount.compareTo(getRecovered()) > 0) {
            throw new BusinessRuleException("reversal-exceeds-recovery", "Invoice " + number + " recovered only "
                    + getRecovered() + ", cannot undo " + amount);
        }
        recoveredAmount = recoveredAmount.subtract(amount.amount());
    }

    private void reduceOpenAmount(Money amount, InvoiceStatus whenNothingLeft, Instant now) {
        openAmount = getOpenAmount().minus(amount).amount();
        if (openAmount.signum() == 0) {
            status = whenNothingLeft;
            settledAt = now;
        }
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw new BusinessRuleException("invoice-not-open", "Cannot " + action + " invoice " + number
                    + ": it is " + status);
        }
    }

    public boolean isOverdueOn(LocalDate day) {
        return status.isOpen() && dueDate.isBefore(day);
    }

    public long daysPastDue(LocalDate day) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, day));
    }

    private void requireStatus(InvoiceStatus required, String action) {
        if (status != required) {
            throw new BusinessRuleException("invoice-not-" + required.name().toLowerCase(),
                    "Cannot " + action + " invoice " + number + ": it is " + status);
        }
    }

    public UUID getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public Currency getCurrency() {
        return Currency.getInstance(currencyCode);
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Money getTotal() {
        return Money.of(totalAmount, getCurrency());
    }

    public Money getOpenAmount() {
        return Money.of(openAmount, getCurrency());
    }

    public Money getCredited() {
        return Money.of(creditedAmount, getCurrency());
    }

    public Money getWrittenOff() {
        return Money.of(writtenOffAmount, getCurrency());
    }

    /** The ISO 11649 creditor reference customers quote when paying; none on invoices issued before it was kept. */
    public String getPaymentReference() {
        return paymentReference;
    }

    /** Received after the write-off; not part of the open amount nor of what was paid. */
    public Money getRecovered() {
        return Money.of(recoveredAmount, getCurrency());
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    Instant getSettledAt() {
        return settledAt;
    }

    List<InvoiceLine> getLines() {
        return lines;
    }
}
