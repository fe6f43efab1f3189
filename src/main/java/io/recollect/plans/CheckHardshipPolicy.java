package io.recollect.plans;

import static io.recollect.plans.HardshipPlanProcess.*;

import io.recollect.rules.HardshipPolicyResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** hardship-plan: the hardship-policy table approves the terms, asks a manager, or refuses them. */
@Component("checkHardshipPolicy")
class CheckHardshipPolicy implements JavaDelegate {

    private final PlanService plans;
    private final Clock clock;

    CheckHardshipPolicy(PlanService plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HardshipPolicyResult result = plans.checkPolicy(PlanFormValues.planId(execution.getProcessBusinessKey()));
        execution.setVariable(VAR_POLICY_DECISION, result.decision().name());
        execution.setVariable(VAR_POLICY_REASON, result.reason());
        execution.setVariable(VAR_APPROVER_GROUP, result.candidateGroup());
        execution.setVariable(VAR_APPROVAL_PRIORITY, result.priority());
        execution.setVariable(VAR_APPROVAL_DUE_DATE,
                Date.from(clock.instant().plus(Duration.ofDays(Math.max(1, result.slaDays())))));
    }
}
