package io.recollect.invoicing;

import java.util.UUID;

/** Published when an invoice's open amount reaches zero. */
public record InvoicePaid(UUID invoiceId, String number, UUID customerId) {
}
