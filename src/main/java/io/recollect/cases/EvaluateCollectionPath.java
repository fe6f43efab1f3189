package io.recollect.cases;

import io.recollect.rules.CollectionAction;
import io.recollect.rules.CollectionDecision;
import io.recollect.rules.CollectionPathDecisions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case: snapshot the account, let the collection-path table decide, record the
 * decision, and hand the process what it needs to act and when to look again.
 */
@Component("evaluateCollectionPath")
class EvaluateCollectionPath implements JavaDelegate {

    private final CollectionCases cases;
    private final AccountSituations situations;
    private final CollectionPathDecisions decisions;
    private final CollectionProperties properties;
    private final Clock clock;

    EvaluateCollectionPath(CollectionCases cases, AccountSituations situations, CollectionPathDecisions decisions,
            CollectionProperties properties, Clock clock) {
        this.cases = cases;
        this.situations = situations;
        this.decisions = decisions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = UUID.fromString((String) execution.getVariable(CollectionCaseProcess.VAR_CASE_ID));
        CollectionCase collectionCase = cases.findById(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " does not exist"));
        var situation = situations.of(collectionCase);
        execution.setVariable(CollectionCaseProcess.VAR_NOTHING_OVERDUE, situation.isEmpty());
        situation.ifPresent(s -> act(execution, collectionCase, decisions.decide(collectionCase.getCustomerId(), caseId, s)));
    }

    private void act(DelegateExecution execution, CollectionCase collectionCase, CollectionPathDecisions.Recorded recorded) {
        Instant now = clock.instant();
        CollectionDecision decision = recorded.decision();
        if (decision.action() == CollectionAction.REMIND) {
            collectionCase.reminded(now);
        } else {
            collectionCase.escalated(now);
        }
        execution.setVariable(CollectionCaseProcess.VAR_ACTION, decision.action().name());
        execution.setVariable(CollectionCaseProcess.VAR_DUNNING_LEVEL, decision.dunningLevel());
        execution.setVariable(CollectionCaseProcess.VAR_DECISION_ID, recorded.decisionId().toString());
        execution.setVariable(CollectionCaseProcess.VAR_WAIT_UNTIL, Date.from(now.plus(Duration.ofDays(decision.waitDays()))));
        execution.setVariable(CollectionCaseProcess.VAR_TASK_DUE_DATE, Date.from(now.plus(properties.contactTaskSla())));
        execution.setVariable(CollectionCaseProcess.VAR_TASK_PRIORITY, properties.contactTaskPriority());
    }
}
