package io.recollect.invoicing;

import io.recollect.shared.Money;
import java.util.UUID;

/** Published when a payment is taken as a recovery of a written-off invoice. */
public record InvoiceRecovered(UUID invoiceId, String number, UUID customerId, UUID paymentId, Money amount) {
}
