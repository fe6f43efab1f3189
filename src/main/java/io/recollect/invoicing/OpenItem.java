package io.recollect.invoicing;

import io.recollect.shared.Money;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** An invoice with money still open, as collections sees it on a given day, with the reference to pay it by. */
public record OpenItem(UUID invoiceId, String number, LocalDate dueDate, Money total, Money openAmount,
        InvoiceStatus status, long daysPastDue, String paymentReference) {

    public boolean overdue() {
        return daysPastDue > 0;
    }

    /**
     * The item after the amount is paid towards it, as {@link Invoice#applyPayment} leaves the
     * invoice; empty when nothing is left open.
     */
    public Optional<OpenItem> paidBy(Money amount) {
        Money left = openAmount.minus(amount.min(openAmount));
        return left.isPositive() ? Optional.of(new OpenItem(invoiceId, number, dueDate, total, left,
                InvoiceStatus.PARTIALLY_PAID, daysPastDue, paymentReference)) : Optional.empty();
    }

    static OpenItem of(Invoice invoice, LocalDate today) {
        return new OpenItem(invoice.getId(), invoice.getNumber(), invoice.getDueDate(), invoice.getTotal(),
                invoice.getOpenAmount(), invoice.getStatus(), invoice.daysPastDue(today),
                invoice.getPaymentReference());
    }
}
