package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out what decisions asked of the collection-case process, one piece of work per
 * transaction: start the case's process, hand it the next task, raise a task still open, or
 * end it when nothing is overdue. A process busy in another transaction fails only its own
 * piece, which is tried again a minute later; nothing here blocks the run.
 */
@Component
class CaseWorkDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CaseWorkDispatcher.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final CaseWorkQueue work;
    private final CollectionCases cases;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TransactionTemplate ownTransaction;

    CaseWorkDispatcher(CaseWorkQueue work, CollectionCases cases, RuntimeService runtime, TaskService tasks,
            PlatformTransactionManager transactions) {
        this.work = work;
        this.cases = cases;
        this.runtime = runtime;
        this.tasks = tasks;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What one dispatch pass did. */
    record Dispatched(int tasksCreated, int done, int failed) {
    }

    /** Carries out pending work until none is left or {@code limit} pieces were tried. */
    Dispatched dispatch(int limit) {
        int created = 0;
        int done = 0;
        int failed = 0;
        for (int i = 0; i < limit; i++) {
            List<CaseWorkQueue.Item> attempted = new ArrayList<>(1);
            Optional<CaseWorkQueue.Item> claimed;
            try {
                claimed = ownTransaction.execute(status -> work.claimNext().map(item -> {
                    attempted.add(item);
                    carryOut(item);
                    work.done(item.id());
                    return item;
                }));
            } catch (ProcessEngineException busy) {
                // The transaction rolled back with its claim; count the attempt outside it.
                failed++;
                attempted.forEach(item -> recordFailure(item, busy));
                continue;
            }
            if (claimed == null || claimed.isEmpty()) {
                break;
            }
            done++;
            if (claimed.get().kind() != CaseWorkKind.CLOSE) {
                created++;
            }
        }
        return new Dispatched(created, done, failed);
    }

    private void recordFailure(CaseWorkQueue.Item item, RuntimeException cause) {
        log.info("Case work {} for case {} not done yet, retrying in {}: {}", item.kind(), item.caseId(),
                RETRY_AFTER, cause.getMessage());
        work.failed(item.id(), cause.getMessage(), MAX_ATTEMPTS, RETRY_AFTER);
    }

    private void carryOut(CaseWorkQueue.Item item) {
        String businessKey = item.caseId().toString();
        if (item.kind() == CaseWorkKind.CLOSE) {
            runtime.createMessageCorrelation(MESSAGE_CASE_CLOSED)
                    .processInstanceBusinessKey(businessKey).correlateAllWithResult();
            return;
        }
        if (cases.findById(item.caseId()).map(c -> c.getStatus() != CaseStatus.OPEN).orElse(true)) {
            return;
        }
        Task open = tasks.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(businessKey)
                .singleResult();
        if (open != null && item.kind().taskKey() != null && item.kind().taskKey().equals(open.getTaskDefinitionKey())) {
            refresh(open, item);
            return;
        }
        if (open != null) {
            // A different kind of work supersedes the open task: the process ends it and waits again.
            runtime.createMessageCorrelation(MESSAGE_WORK_SUPERSEDED)
                    .processInstanceBusinessKey(businessKey).correlateAllWithResult();
        }
        Map<String, Object> variables = Map.of(VAR_WORK, item.kind().name(),
                VAR_CANDIDATE_GROUP, item.candidateGroup(), VAR_TASK_PRIORITY, item.priority(),
                VAR_TASK_DUE_DATE, Date.from(item.dueAt()), VAR_DECISION_ID, String.valueOf(item.decisionId()));
        boolean waiting = runtime.createExecutionQuery().processDefinitionKey(KEY).processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(MESSAGE_PERSON_NEEDED).count() > 0;
        if (waiting) {
            runtime.createMessageCorrelation(MESSAGE_PERSON_NEEDED)
                    .processInstanceBusinessKey(businessKey).setVariables(variables).correlateWithResult();
        } else {
            Map<String, Object> start = new java.util.HashMap<>(variables);
            start.put(VAR_CASE_ID, businessKey);
            start.put(VAR_CUSTOMER_ID, item.customerId().toString());
            runtime.createProcessInstanceByKey(KEY).businessKey(businessKey).setVariables(start).execute();
        }
    }

    /**
     * The same work while its task is still open: the account was decided on schedule, and the
     * table's priority and group for it now apply to the open task (never lowered).
     */
    private void refresh(Task open, CaseWorkQueue.Item item) {
        if (item.priority() > open.getPriority()) {
            tasks.setPriority(open.getId(), item.priority());
        }
        if (item.candidateGroup() != null && tasks.getIdentityLinksForTask(open.getId()).stream()
                .noneMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        && item.candidateGroup().equals(link.getGroupId()))) {
            tasks.addCandidateGroup(open.getId(), item.candidateGroup());
        }
    }
}
