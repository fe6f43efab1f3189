package io.recollect.cases;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * collection-case: the contact task passed its SLA. It stays open and is raised: higher
 * priority, and offered to the escalation group as well, so somebody sees it today.
 */
@Component("escalateOverdueTask")
class EscalateOverdueTask implements JavaDelegate {

    private final TaskService tasks;
    private final CaseJournal journal;
    private final CollectionCases cases;
    private final CollectionProperties properties;

    EscalateOverdueTask(TaskService tasks, CaseJournal journal, CollectionCases cases, CollectionProperties properties) {
        this.tasks = tasks;
        this.journal = journal;
        this.cases = cases;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(CollectionCaseProcess.TASK_CONTACT_CUSTOMER).singleResult();
        if (task == null) {
            return;
        }
        int raised = Math.min(100, task.getPriority() + properties.overdueTaskPriorityStep());
        tasks.setPriority(task.getId(), raised);
        tasks.addCandidateGroup(task.getId(), properties.overdueTaskGroup());
        cases.findById(java.util.UUID.fromString(execution.getProcessBusinessKey())).ifPresent(c ->
                journal.record(c.getCustomerId(), CaseEventType.TASK_ESCALATED, "Contact task past its SLA: priority "
                        + raised + ", offered to " + properties.overdueTaskGroup(), "system"));
    }
}
