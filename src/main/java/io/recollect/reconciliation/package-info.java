/** Finding what does not add up between payments, allocations and invoices, and what fixes it. */
package io.recollect.reconciliation;
