package io.recollect.plans;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** hardship-plan: the collector's terms become the plan's schedule; bad terms fail the completion. */
@Component("recordPlanProposal")
class RecordPlanProposal implements TaskListener {

    private final PlanService plans;

    RecordPlanProposal(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        plans.propose(PlanFormValues.planId(task.getExecution().getProcessBusinessKey()), PlanFormValues.terms(task),
                PlanFormValues.actor(task));
    }
}
