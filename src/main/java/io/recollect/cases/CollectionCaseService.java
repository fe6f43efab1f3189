package io.recollect.cases;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cases module's public face: open or wake a customer's case, and read cases. */
@Service
public class CollectionCaseService {

    private final CollectionCases cases;
    private final RuntimeService runtime;
    private final Clock clock;

    CollectionCaseService(CollectionCases cases, RuntimeService runtime, Clock clock) {
        this.cases = cases;
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
            wake(open.get().getId(), CollectionCaseProcess.MESSAGE_ACCOUNT_CHANGED);
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

    /** Delivers the message to the case's process; returns whether a waiting process took it. */
    boolean wake(UUID caseId, String message) {
        return !runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(caseId.toString())
                .correlateAllWithResult().isEmpty();
    }
}
