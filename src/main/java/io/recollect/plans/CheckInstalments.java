package io.recollect.plans;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** hardship-plan: reminds, counts misses, and ends the plan completed or broken. */
@Component("checkInstalments")
class CheckInstalments implements JavaDelegate {

    private final PlanService plans;

    CheckInstalments(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PlanService.Checked checked = plans.check(PlanFormValues.planId(execution.getProcessBusinessKey()));
        execution.setVariable(HardshipPlanProcess.VAR_PLAN_STATE, checked.state().name());
        if (checked.nextCheckAt() != null) {
            execution.setVariable(HardshipPlanProcess.VAR_NEXT_CHECK_AT, Date.from(checked.nextCheckAt()));
        }
    }
}
