package io.recollect.invoicing;

/** Where an invoice stands. Only ISSUED and PARTIALLY_PAID invoices are open. */
public enum InvoiceStatus {
    DRAFT, ISSUED, PARTIALLY_PAID, PAID, DISPUTED, WRITTEN_OFF, CANCELLED;

    public boolean isOpen() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}
