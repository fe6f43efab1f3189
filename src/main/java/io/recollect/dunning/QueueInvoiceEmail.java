package io.recollect.dunning;

import io.recollect.invoicing.InvoiceToCashProcess;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash: puts the invoice email in the outbox. */
@Component("queueInvoiceEmail")
class QueueInvoiceEmail implements JavaDelegate {

    private final CommunicationService communications;

    QueueInvoiceEmail(CommunicationService communications) {
        this.communications = communications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID invoiceId = UUID.fromString((String) execution.getVariable(InvoiceToCashProcess.VAR_INVOICE_ID));
        UUID communicationId = communications.queueInvoiceEmail(invoiceId);
        execution.setVariable(DunningVariables.COMMUNICATION_ID, communicationId.toString());
    }
}
