package io.recollect.cases;

import io.recollect.customers.CustomerService;
import io.recollect.invoicing.InvoiceService;
import io.recollect.rules.CollectionPathDecisions;
import io.recollect.invoicing.OpenItem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The cases module's public face: open or wake a customer's case, and read cases. */
@Service
public class CollectionCaseService {

    private final CollectionCases cases;
    private final CaseEvents events;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final CollectionPathDecisions decisions;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    CollectionCaseService(CollectionCases cases, CaseEvents events, InvoiceService invoices, CustomerService customers,
            CollectionPathDecisions decisions, RuntimeService runtime, TaskService tasks, ApplicationEventPublisher publisher,
            PlatformTransactionManager transactions, Clock clock) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.customers = customers;
        this.decisions = decisions;
        this.tasks = tasks;
        this.publisher = publisher;
        this.cases = cases;
        this.events = events;
        this.invoices = invoices;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Opens a case and starts its process, which evaluates at once in this transaction, or asks
     * the open one to look again. Several invoices of one customer fall overdue in the same
     * morning run: the account's row lock makes them queue here, the first opens the case, and
     * the rest find a decision that already counted them overdue, so they change nothing.
     *
     * @param overdueSince when the invoice that calls fell overdue: a decision made at or after it
     *     already saw that invoice overdue
     */
    @Transactional
    public UUID openOrRefresh(UUID customerId, Instant overdueSince) {
        customers.lockAccount(customerId);
        Optional<CollectionCase> open = cases.findByOpenCustomerId(customerId);
        if (open.isPresent()) {
            if (!decisions.hasDecidedSince(open.get().getId(), overdueSince)) {
                // After commit, through the event registry: the case process may be mid-step right
                // now. A case not waiting for the message (mid-step, or at a collector's task) does
                // not take it, and counts this invoice at its next evaluation.
                publisher.publishEvent(new SituationChanged(customerId));
            }
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

    /**
     * Correlates in a transaction of its own, and only when the case waits for the message: a
     * process that moves on at the same moment makes the correlation fail, which then counts as
     * "not delivered" without spoiling the caller. Camunda reports that race as an ERROR with a
     * stack trace ("does not have a subscription"), or, when it catches the process tree half
     * changed by the other transaction, as a NullPointerException from inside the engine (seen in
     * the portfolio benchmark). The check first keeps the first off the log; the second is the
     * same race and counts the same. The message events continue asynchronously, so no delegate
     * of ours runs inside the correlation.
     */
    private boolean deliver(UUID caseId, String message) {
        if (runtime.createExecutionQuery().processInstanceBusinessKey(caseId.toString())
                .messageEventSubscriptionName(message).count() == 0) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> !runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(caseId.toString())
                    .correlateAllWithResult().isEmpty()));
        } catch (ProcessEngineException | NullPointerException movedMeanwhile) {
            return false;
        }
    }
}
