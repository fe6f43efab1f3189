package io.recollect.cases;

import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import io.recollect.payments.PaymentRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A payment wakes the customer's open case, so it re-evaluates now instead of after its wait. */
@Component
class AccountChangeListener {

    private final CollectionCases cases;
    private final CollectionCaseService caseService;
    private final InvoiceService invoices;

    AccountChangeListener(CollectionCases cases, CollectionCaseService caseService, InvoiceService invoices) {
        this.cases = cases;
        this.caseService = caseService;
        this.invoices = invoices;
    }

    @ApplicationModuleListener
    void on(PaymentRecorded payment) {
        cases.findByOpenCustomerId(payment.customerId()).ifPresent(open -> {
            boolean settled = invoices.openItems(payment.customerId()).stream().noneMatch(OpenItem::overdue);
            if (!settled) {
                // Only waiting processes take it; one that is mid-step reads the new state anyway.
                caseService.wake(open.getId(), CollectionCaseProcess.MESSAGE_ACCOUNT_CHANGED);
            } else if (!caseService.wake(open.getId(), CollectionCaseProcess.MESSAGE_ACCOUNT_SETTLED)) {
                // Mid-step (evaluating or sending): fail so the event is delivered again shortly.
                throw new IllegalStateException("Case " + open.getId() + " is not waiting; will retry");
            }
        });
    }
}
