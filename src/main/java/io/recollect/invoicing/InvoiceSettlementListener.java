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

    /**
     * The process waits for this message, or has not reached the wait yet and will find the
     * invoice settled when it does (Task_CheckSettled), or has ended: nothing to retry.
     */
    @ApplicationModuleListener
    void on(InvoiceSettled settled) {
        runtime.createMessageCorrelation(InvoiceToCashProcess.MESSAGE_INVOICE_SETTLED)
                .processInstanceBusinessKey(settled.number())
                .correlateAllWithResult();
    }
}
