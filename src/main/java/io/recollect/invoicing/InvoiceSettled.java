package io.recollect.invoicing;

import java.util.UUID;

/** Published when nothing is left open on an invoice: paid, written off, or credited to zero. */
public record InvoiceSettled(UUID invoiceId, String number, UUID customerId, InvoiceStatus settledAs) {
}
