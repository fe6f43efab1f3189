package io.recollect.invoicing;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the invoice's process that it is settled, after the change has committed. */
@Component
class InvoiceSettlementListener {

    private final RuntimeService runtime;

    InvoiceSettlementListener(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @ApplicationModuleListener
    void on(InvoiceSettled settled) {
        boolean delivered = !runtime.createMessageCorrelation(InvoiceToCashProcess.MESSAGE_INVOICE_SETTLED)
                .processInstanceBusinessKey(settled.number())
                .correlateAllWithResult().isEmpty();
        boolean stillRunning = runtime.createProcessInstanceQuery()
                .processDefinitionKey(InvoiceToCashProcess.KEY)
                .processInstanceBusinessKey(settled.number()).count() > 0;
        if (!delivered && stillRunning) {
            // The process is between two waits (inside a job); failing leaves the event
            // publication incomplete, and it is delivered again a little later.
            throw new IllegalStateException("Invoice process " + settled.number() + " is not waiting for settlement yet");
        }
    }
}
