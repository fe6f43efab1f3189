package io.recollect.plans;

import io.recollect.security.TaskCompletionCheck;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Asked before an HTTP completion reaches the engine: the negotiator never approves their plan. */
@Component
class PlanTaskCheck implements TaskCompletionCheck {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final PlanService plans;

    PlanTaskCheck(TaskService tasks, RuntimeService runtime, PlanService plans) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.plans = plans;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> invalid(String taskId, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !HardshipPlanProcess.TASK_NEGOTIATE_PLAN.equals(task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        if (process == null) {
            return Optional.empty();
        }
        try {
            return plans.problemWith(PlanFormValues.planId(process.getBusinessKey()), PlanFormValues.terms(values::get));
        } catch (io.recollect.shared.BusinessRuleException invalid) {
            return Optional.of(invalid.getMessage());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> refusal(String taskId, String userId, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !HardshipPlanProcess.TASK_APPROVE_PLAN.equals(task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        return process == null ? Optional.empty()
                : plans.mayApprove(PlanFormValues.planId(process.getBusinessKey()), userId);
    }
}
