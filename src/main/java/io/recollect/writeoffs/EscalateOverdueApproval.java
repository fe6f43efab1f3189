package io.recollect.writeoffs;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * write-off: the approval task passed the days the write-off-approval table gave it. It stays
 * open and is raised, as the contact task is at its SLA (the same two settings): higher priority,
 * and offered to the escalation group too. Who may approve does not change (WriteOffApprovers).
 */
@Component("escalateOverdueApproval")
class EscalateOverdueApproval implements JavaDelegate {

    private final TaskService tasks;
    private final int priorityStep;
    private final String group;

    EscalateOverdueApproval(TaskService tasks,
            @Value("${recollect.collection.overdue-task-priority-step:20}") int priorityStep,
            @Value("${recollect.collection.overdue-task-group:collection-managers}") String group) {
        this.tasks = tasks;
        this.priorityStep = priorityStep;
        this.group = group;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(WriteOffProcess.TASK_APPROVE_WRITE_OFF).singleResult();
        if (task == null) {
            return;
        }
        tasks.setPriority(task.getId(), Math.min(100, task.getPriority() + priorityStep));
        tasks.addCandidateGroup(task.getId(), group);
    }
}
