package io.recollect.invoicing;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash: whether the invoice was settled while its email went out. */
@Component("checkInvoiceSettled")
class CheckInvoiceSettled implements JavaDelegate {

    private final InvoiceService invoices;

    CheckInvoiceSettled(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID invoiceId = UUID.fromString((String) execution.getVariable(InvoiceToCashProcess.VAR_INVOICE_ID));
        execution.setVariable(InvoiceToCashProcess.VAR_INVOICE_SETTLED, invoices.lockAndCheckSettled(invoiceId));
    }
}
