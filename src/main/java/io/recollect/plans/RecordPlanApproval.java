package io.recollect.plans;

import static io.recollect.plans.HardshipPlanProcess.*;

import io.recollect.shared.BusinessRuleException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** hardship-plan: a manager approves or rejects an out-of-policy plan; never the one who negotiated it. */
@Component("recordPlanApproval")
class RecordPlanApproval implements TaskListener {

    private final PlanService plans;

    RecordPlanApproval(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = PlanFormValues.text(task, VAR_APPROVAL_DECISION);
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new BusinessRuleException("invalid-" + VAR_APPROVAL_DECISION,
                    "The decision must be APPROVE or REJECT, not " + decision);
        }
        String manager = PlanFormValues.actor(task);
        plans.decide(PlanFormValues.planId(task.getExecution().getProcessBusinessKey()), "APPROVE".equals(decision),
                manager);
        task.setVariable(VAR_APPROVED, "APPROVE".equals(decision));
    }
}
