package io.recollect.reconciliation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One thing in the ledger that does not add up, and what fixes it.
 *
 * @param kind what is wrong
 * @param customerId whose account
 * @param paymentIds the payments involved (none for an invoice's own figures)
 * @param invoiceNumber the invoice involved, if any
 * @param amount the money in question
 * @param currency its currency
 * @param detail what was found, in words
 * @param action what a person does to fix it, naming the endpoint
 */
public record Inconsistency(Kind kind, UUID customerId, List<UUID> paymentIds, String invoiceNumber,
        BigDecimal amount, String currency, String detail, String action) {

    public enum Kind {
        /** One payment recorded twice: same customer, amount and day under different external ids. */
        DUPLICATE_PAYMENT,
        /** Paid more than the account owes: credit and no open invoice to take it. */
        OVERPAYMENT,
        /** Money allocated to an invoice after it was cancelled or written off. */
        PAYMENT_ON_SETTLED_INVOICE,
        /** Cash nobody has applied for longer than the configured number of days. */
        OLD_UNAPPLIED_CASH,
        /** The invoice's open amount is not its total less credits, write-offs and allocations. */
        OPEN_AMOUNT_MISMATCH
    }
}
