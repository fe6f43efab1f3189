package io.recollect.invoicing;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the invoice's process that it is paid, after the payment has committed. */
@Component
class InvoicePaymentListener {

    private final RuntimeService runtime;

    InvoicePaymentListener(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @ApplicationModuleListener
    void on(InvoicePaid paid) {
        boolean delivered = !runtime.createMessageCorrelation(InvoiceToCashProcess.MESSAGE_INVOICE_PAID)
                .processInstanceBusinessKey(paid.number())
                .correlateAllWithResult().isEmpty();
        boolean stillRunning = runtime.createProcessInstanceQuery()
                .processDefinitionKey(InvoiceToCashProcess.KEY)
                .processInstanceBusinessKey(paid.number()).count() > 0;
        if (!delivered && stillRunning) {
            // The process is between two waits (inside a job); failing leaves the event
            // publication incomplete, and it is delivered again a little later.
            throw new IllegalStateException("Invoice process " + paid.number() + " is not waiting for payment yet");
        }
    }
}
