package io.recollect.invoicing;

/** Names shared between processes/invoice-to-cash.bpmn and the code that drives it. */
public final class InvoiceToCashProcess {

    public static final String KEY = "invoice-to-cash";
    public static final String VAR_INVOICE_ID = "invoiceId";
    public static final String VAR_CUSTOMER_ID = "customerId";
    /** Start of the first day the invoice counts as overdue. */
    public static final String VAR_OVERDUE_AT = "overdueAt";
    /** Paid in full, written off, or credited to zero. */
    public static final String MESSAGE_INVOICE_SETTLED = "InvoiceSettled";

    private InvoiceToCashProcess() {
    }
}
