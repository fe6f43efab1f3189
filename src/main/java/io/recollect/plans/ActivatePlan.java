package io.recollect.plans;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** hardship-plan: the plan runs; the agreement email with the schedule joins the outbox. */
@Component("activatePlan")
class ActivatePlan implements JavaDelegate {

    private final PlanService plans;

    ActivatePlan(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(HardshipPlanProcess.VAR_NEXT_CHECK_AT,
                Date.from(plans.activate(PlanFormValues.planId(execution.getProcessBusinessKey()))));
    }
}
