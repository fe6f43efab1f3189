package io.recollect.cases;

import io.recollect.customers.HardshipChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records hardship reports on the case in the reporting transaction (a synchronous listener:
 * exactly once, no redelivery), and clears the last step's wait: news the table must act on now.
 */
@Component
class HardshipJournal {

    private final CaseJournal journal;

    HardshipJournal(CaseJournal journal) {
        this.journal = journal;
    }

    @EventListener
    void on(HardshipChanged hardship) {
        journal.record(hardship.customerId(), hardship.hardship() ? CaseEventType.HARDSHIP_REPORTED
                : CaseEventType.HARDSHIP_CLEARED, hardship.note() == null ? "" : hardship.note(), hardship.actor());
        journal.openCase(hardship.customerId()).ifPresent(CollectionCase::clearSchedule);
    }
}
