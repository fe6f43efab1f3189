package io.recollect.plans;

import java.util.Set;
import java.util.UUID;

/**
 * Which of a customer's invoices are in dispute now. Plans owns the question and collections
 * (where disputes live) answers it, so a plan never pays off, or counts missed, a disputed invoice.
 */
public interface DisputedInvoices {

    Set<UUID> of(UUID customerId);
}
