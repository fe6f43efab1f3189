package io.recollect.cases;

import io.recollect.writeoffs.WriteOffService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case: the table asked for a write-off. Fixes the dunned overdue invoices, at what is
 * open on them now, in a write-off request, which its own process routes, approves and posts; an
 * invoice that falls overdue later is not part of it. Asked again while it waits, nothing new.
 */
@Component("requestWriteOff")
class RequestWriteOff implements JavaDelegate {

    private final ProcessCase processCase;
    private final AccountSituations situations;
    private final WriteOffService writeOffs;

    RequestWriteOff(ProcessCase processCase, AccountSituations situations, WriteOffService writeOffs) {
        this.processCase = processCase;
        this.situations = situations;
        this.writeOffs = writeOffs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CollectionCase collectionCase = processCase.of(execution);
        situations.of(collectionCase).ifPresent(snapshot -> writeOffs.requestForCase(collectionCase.getCustomerId(),
                collectionCase.getId(), snapshot.dunnable()));
    }
}
