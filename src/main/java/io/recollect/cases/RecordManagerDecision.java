package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * collection-case: records a manager's decision on a payment plan or a write-off. The plan
 * and write-off processes of later work will take over from here; the decision is on record now.
 */
@Component("recordManagerDecision")
class RecordManagerDecision implements TaskListener {

    private final CaseJournal journal;

    RecordManagerDecision(CaseJournal journal) {
        this.journal = journal;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = ProcessActors.of(task);
        UUID customerId = UUID.fromString((String) task.getVariable(VAR_CUSTOMER_ID));
        String note = FormValues.text(task, VAR_DECISION_NOTE);
        if (TASK_DECIDE_WRITE_OFF.equals(task.getTaskDefinitionKey())) {
            String decision = FormValues.requiredText(task, VAR_WRITE_OFF_DECISION, "The write-off decision");
            task.setVariable(VAR_WRITE_OFF_APPROVED_BY, "APPROVE".equals(decision) ? actor : null);
            journal.record(customerId, CaseEventType.WRITE_OFF_DECISION, decision + FormValues.asSuffix(note), actor);
        } else {
            String decision = FormValues.requiredText(task, VAR_PLAN_DECISION, "The plan decision");
            journal.record(customerId, CaseEventType.PLAN_DECISION, decision + FormValues.asSuffix(note), actor);
        }
    }
}
