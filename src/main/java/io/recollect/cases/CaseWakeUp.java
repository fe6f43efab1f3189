package io.recollect.cases;

import io.recollect.customers.HardshipChanged;
import io.recollect.invoicing.InvoiceSettled;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.payments.PaymentRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Wakes the customer's open case when its situation changes, after the change has committed:
 * a payment (which may also keep a promise), a settled invoice, hardship, a promise, dispute or
 * pause. The case re-evaluates at once instead of waiting out its timer.
 */
@Component
class CaseWakeUp {

    private final CollectionCaseService cases;
    private final PromiseService promises;
    private final CaseJournal journal;

    CaseWakeUp(CollectionCaseService cases, PromiseService promises, CaseJournal journal) {
        this.cases = cases;
        this.promises = promises;
        this.journal = journal;
    }

    @ApplicationModuleListener
    void on(PaymentRecorded payment) {
        promises.receive(payment.customerId(), payment.amount());
        cases.wake(payment.customerId());
    }

    /** Payments and credits wake the case through their own events; a write-off only through this one. */
    @ApplicationModuleListener
    void on(InvoiceSettled settled) {
        if (settled.settledAs() == InvoiceStatus.WRITTEN_OFF) {
            cases.wake(settled.customerId());
        }
    }

    @ApplicationModuleListener
    void on(HardshipChanged hardship) {
        journal.record(hardship.customerId(), hardship.hardship() ? CaseEventType.HARDSHIP_REPORTED
                : CaseEventType.HARDSHIP_CLEARED, hardship.note() == null ? "" : hardship.note(), hardship.actor());
        // News the table must act on now, not after the last step's wait.
        journal.openCase(hardship.customerId()).ifPresent(CollectionCase::clearSchedule);
        cases.wake(hardship.customerId());
    }

    @ApplicationModuleListener
    void on(SituationChanged changed) {
        cases.wake(changed.customerId());
    }
}
