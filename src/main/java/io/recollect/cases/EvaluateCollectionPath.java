package io.recollect.cases;

import io.recollect.rules.CollectionAction;
import io.recollect.rules.CollectionDecision;
import io.recollect.rules.CollectionPathDecisions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case: settle broken promises, snapshot the account, let the collection-path table
 * decide, record the decision, and hand the process what it needs to act and when to look again.
 */
@Component("evaluateCollectionPath")
class EvaluateCollectionPath implements JavaDelegate {

    private final ProcessCase processCase;
    private final AccountSituations situations;
    private final PromiseService promises;
    private final CollectionPathDecisions decisions;
    private final CollectionProperties properties;
    private final Approvals approvals;
    private final Clock clock;

    EvaluateCollectionPath(ProcessCase processCase, AccountSituations situations, PromiseService promises,
            CollectionPathDecisions decisions, CollectionProperties properties, Approvals approvals, Clock clock) {
        this.processCase = processCase;
        this.situations = situations;
        this.promises = promises;
        this.decisions = decisions;
        this.properties = properties;
        this.approvals = approvals;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CollectionCase collectionCase = processCase.of(execution);
        UUID caseId = collectionCase.getId();
        promises.breakOverdue(collectionCase.getCustomerId());
        var snapshot = situations.of(collectionCase);
        execution.setVariable(CollectionCaseProcess.VAR_NOTHING_OVERDUE, snapshot.isEmpty());
        snapshot.ifPresent(s -> act(execution, collectionCase, s,
                decisions.decide(collectionCase.getCustomerId(), caseId, s.situation())));
    }

    private void act(DelegateExecution execution, CollectionCase collectionCase, AccountSituations.Snapshot snapshot,
            CollectionPathDecisions.Recorded recorded) {
        Instant now = clock.instant();
        CollectionDecision decision = recorded.decision();
        Instant afterWait = now.plus(Duration.ofDays(decision.waitDays()));
        Instant waitUntil = afterWait;
        if (decision.action() == CollectionAction.HOLD) {
            // A hold ends early when what it waits for ends: a promise's last day, a pause, the last step's wait.
            waitUntil = Stream.concat(Stream.of(afterWait), snapshot.holdEnds().stream()).min(Instant::compareTo)
                    .orElse(afterWait);
        } else {
            boolean reminder = decision.action() == CollectionAction.REMIND
                    || decision.action() == CollectionAction.FINAL_NOTICE;
            collectionCase.acted(reminder, now, afterWait);
        }
        execution.setVariable(CollectionCaseProcess.VAR_ACTION, decision.action().name());
        execution.setVariable(CollectionCaseProcess.VAR_DUNNING_LEVEL, decision.dunningLevel());
        execution.setVariable(CollectionCaseProcess.VAR_TEMPLATE, decision.template());
        execution.setVariable(CollectionCaseProcess.VAR_DECISION_ID, recorded.decisionId().toString());
        execution.setVariable(CollectionCaseProcess.VAR_WAIT_UNTIL, Date.from(waitUntil));
        execution.setVariable(CollectionCaseProcess.VAR_TASK_DUE_DATE, Date.from(now.plus(properties.contactTaskSla())));
        execution.setVariable(CollectionCaseProcess.VAR_TASK_PRIORITY, decision.priority());
        execution.setVariable(CollectionCaseProcess.VAR_CANDIDATE_GROUP, decision.action() == CollectionAction.WRITE_OFF
                ? snapshot.dunnedAmount().map(approvals::writeOffApprovers).orElse(decision.candidateGroup())
                : decision.candidateGroup());
        execution.setVariable(CollectionCaseProcess.VAR_DUNNED_INVOICES, snapshot.dunnable().stream()
                .map(item -> item.invoiceId().toString()).collect(Collectors.joining(",")));
    }
}
