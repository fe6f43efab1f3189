package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * collection-case: records a manager's decision on a write-off. The write-off process of later
 * work will take over from here; the decision is on record now. A write-off is approved by the
 * group its amount needs, for the amount that will be posted (read from the account, not the task).
 * Payment plans have a process of their own (plans, hardship-plan.bpmn).
 */
@Component("recordManagerDecision")
class RecordManagerDecision implements TaskListener {

    private final CaseJournal journal;
    private final ProcessCase processCase;
    private final Approvals approvals;
    private final ApprovalTaskCheck check;

    RecordManagerDecision(CaseJournal journal, ProcessCase processCase, Approvals approvals, ApprovalTaskCheck check) {
        this.journal = journal;
        this.processCase = processCase;
        this.approvals = approvals;
        this.check = check;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = ProcessActors.of(task);
        CollectionCase collectionCase = processCase.of(task);
        UUID customerId = collectionCase.getCustomerId();
        String note = FormValues.text(task, VAR_DECISION_NOTE);
        String decision = FormValues.requiredText(task, VAR_WRITE_OFF_DECISION, "The write-off decision");
        if ("APPROVE".equals(decision)) {
            approvals.requireMayApproveWriteOff(actor, check.writeOffAmount(collectionCase));
        }
        task.setVariable(VAR_WRITE_OFF_APPROVED_BY, "APPROVE".equals(decision) ? actor : null);
        journal.record(customerId, CaseEventType.WRITE_OFF_DECISION, decision + FormValues.asSuffix(note), actor);
    }
}
