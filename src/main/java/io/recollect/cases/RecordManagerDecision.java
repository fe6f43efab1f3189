package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * collection-case: records a manager's decision on a payment plan. The plan process of later
 * work will take over from here; the decision is on record now. Whoever reported the hardship
 * does not decide the plan. (Write-offs are decided in their own process, see writeoffs.)
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
        approvals.requireOtherThan(check.hardshipReportedBy(collectionCase).orElse(null), actor,
                ApprovalTaskCheck.HARDSHIP);
        String decision = FormValues.requiredText(task, VAR_PLAN_DECISION, "The plan decision");
        journal.record(customerId, CaseEventType.PLAN_DECISION, decision + FormValues.asSuffix(note), actor);
    }
}
