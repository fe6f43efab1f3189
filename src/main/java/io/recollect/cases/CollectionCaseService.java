package io.recollect.cases;

import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cases module's public face: open or wake a customer's case, and read cases. */
@Service
public class CollectionCaseService {

    private final CollectionCases cases;
    private final CaseEvents events;
    private final InvoiceService invoices;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;

    CollectionCaseService(CollectionCases cases, CaseEvents events, InvoiceService invoices, RuntimeService runtime,
            TaskService tasks, Clock clock) {
        this.tasks = tasks;
        this.cases = cases;
        this.events = events;
        this.invoices = invoices;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Opens a case and starts its process, or wakes the open one. Two invoices falling overdue
     * at once may race here: the unique open-case key fails one transaction, and its job retries
     * into the wake branch.
     */
    @Transactional
    public UUID openOrRefresh(UUID customerId) {
        Optional<CollectionCase> open = cases.findByOpenCustomerId(customerId);
        if (open.isPresent()) {
            deliver(open.get().getId(), CollectionCaseProcess.MESSAGE_ACCOUNT_CHANGED);
            return open.get().getId();
        }
        CollectionCase opened = cases.saveAndFlush(CollectionCase.open(customerId, clock.instant()));
        runtime.startProcessInstanceByKey(CollectionCaseProcess.KEY, opened.getId().toString(), Map.of(
                CollectionCaseProcess.VAR_CASE_ID, opened.getId().toString(),
                CollectionCaseProcess.VAR_CUSTOMER_ID, customerId.toString()));
        return opened.getId();
    }

    @Transactional(readOnly = true)
    public Optional<CaseView> openCase(UUID customerId) {
        return cases.findByOpenCustomerId(customerId).map(CaseView::of);
    }

    @Transactional(readOnly = true)
    public List<CaseView> history(UUID customerId) {
        return cases.findByCustomerIdOrderByOpenedAtDesc(customerId).stream().map(CaseView::of).toList();
    }

    @Transactional(readOnly = true)
    public List<CaseEventView> events(UUID customerId) {
        return events.findByCustomerIdOrderByOccurredAtAsc(customerId).stream().map(CaseEvent::view).toList();
    }

    /**
     * Wakes the customer's open case: AccountSettled when nothing is overdue any more (it also
     * ends an open task), else AccountChanged (taken only while the case waits; a collector's open
     * task goes on). A settled account whose process is mid-step fails, so the event comes again.
     */
    @Transactional
    public void wake(UUID customerId) {
        cases.findByOpenCustomerId(customerId).ifPresent(open -> {
            boolean settled = invoices.openItems(customerId).stream().noneMatch(OpenItem::overdue);
            String message = settled ? CollectionCaseProcess.MESSAGE_ACCOUNT_SETTLED
                    : CollectionCaseProcess.MESSAGE_ACCOUNT_CHANGED;
            if (!deliver(open.getId(), message) && settled && !inUserTask(open.getId())) {
                throw new IllegalStateException("Case " + open.getId() + " is mid-step; will retry");
            }
        });
    }

    /** A task without a settled boundary (the agency hand-over) finishes first; the case then re-evaluates. */
    private boolean inUserTask(UUID caseId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId.toString()).count() > 0;
    }

    private boolean deliver(UUID caseId, String message) {
        return !runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(caseId.toString())
                .correlateAllWithResult().isEmpty();
    }
}
