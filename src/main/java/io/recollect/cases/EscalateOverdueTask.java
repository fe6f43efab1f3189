package io.recollect.cases;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
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
    private final ManagementService management;
    private final CaseJournal journal;
    private final CollectionCases cases;
    private final CollectionProperties properties;

    EscalateOverdueTask(TaskService tasks, ManagementService management, CaseJournal journal, CollectionCases cases,
            CollectionProperties properties) {
        this.tasks = tasks;
        this.management = management;
        this.journal = journal;
        this.cases = cases;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // A native query: the task query's SQL, built from hundreds of dynamic clauses, cost more than the rest of the job.
        Task task = tasks.createNativeTaskQuery().sql("select RES.* from " + management.getTableName(Task.class)
                        + " RES where RES.PROC_INST_ID_ = #{process} and RES.TASK_DEF_KEY_ = #{key}")
                .parameter("process", execution.getProcessInstanceId())
                .parameter("key", CollectionCaseProcess.TASK_CONTACT_CUSTOMER).singleResult();
        if (task == null) {
            return;
        }
        int raised = Math.min(100, task.getPriority() + properties.overdueTaskPriorityStep());
        tasks.setPriority(task.getId(), raised);
        tasks.addCandidateGroup(task.getId(), properties.overdueTaskGroup());
        cases.findById(UUID.fromString(execution.getProcessBusinessKey())).ifPresent(c ->
                journal.recordAll(List.of(new CaseJournal.Entry(c.getCustomerId(), c.getId(),
                        CaseEventType.TASK_ESCALATED, "Contact task past its SLA: priority " + raised + ", offered to "
                                + properties.overdueTaskGroup(), "system"))));
    }
}
