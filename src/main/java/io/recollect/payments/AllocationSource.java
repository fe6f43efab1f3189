package io.recollect.payments;

/** How money of a payment came to pay an invoice. */
public enum AllocationSource {
    /** When the payment was recorded: as named, else oldest due first. */
    PAYMENT,
    /** Later, from the payment's unapplied credit, oldest due first. */
    CREDIT,
    /** Later, by a person naming the invoice. */
    MANUAL,
    /** Money named for a written-off invoice: it recovers part of the write-off and reopens nothing. */
    RECOVERY
}
