package io.recollect.invoicing;

/** Names shared between processes/invoice-to-cash.bpmn and the code that drives it. */
public final class InvoiceToCashProcess {

    public static final String KEY = "invoice-to-cash";
    public static final String VAR_INVOICE_ID = "invoiceId";
    public static final String VAR_CUSTOMER_ID = "customerId";
    /** Where a reopened invoice's process starts again: it is issued and sent already. */
    public static final String TASK_CHECK_SETTLED = "Task_CheckSettled";
    /** Set by Task_CheckSettled: the invoice was settled before the process came to wait for it. */
    public static final String VAR_INVOICE_SETTLED = "invoiceSettled";
    /** Paid in full, written off, or credited to zero. */
    public static final String MESSAGE_INVOICE_SETTLED = "InvoiceSettled";

    private InvoiceToCashProcess() {
    }
}
