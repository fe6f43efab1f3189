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

    private final CollectionCases cases;
    private final AccountSituations situations;
    private final PromiseService promises;
    private final CollectionPathDecisions decisions;
    private final CollectionProperties properties;
    private final Clock clock;

    EvaluateCollectionPath(CollectionCases cases, AccountSituations situations, PromiseService promises,
            CollectionPathDecisions decisions, CollectionProperties properties, Clock clock) {
        this.cases = cases;
        this.situations = situations;
        this.promises = promises;
        this.decisions = decisions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = UUID.fromString((String) execution.getVariable(CollectionCaseProcess.VAR_CASE_ID));
        CollectionCase collectionCase = cases.findById(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " does not exist"));
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
        execution.setVariable(CollectionCaseProcess.VAR_CANDIDATE_GROUP, decision.candidateGroup());
        execution.setVariable(CollectionCaseProcess.VAR_DUNNED_INVOICES, snapshot.dunnable().stream()
                .map(item -> item.invoiceId().toString()).collect(Collectors.joining(",")));
    }
}
