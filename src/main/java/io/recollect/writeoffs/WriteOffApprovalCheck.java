package io.recollect.writeoffs;

import static io.recollect.writeoffs.WriteOffProcess.*;

import io.recollect.security.TaskCompletionCheck;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Asks, before an HTTP completion reaches the engine, what RecordWriteOffDecision enforces again. */
@Component
class WriteOffApprovalCheck implements TaskCompletionCheck {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final WriteOffService writeOffs;

    WriteOffApprovalCheck(TaskService tasks, RuntimeService runtime, WriteOffService writeOffs) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.writeOffs = writeOffs;
    }

    @Override
    public Optional<String> refusal(String taskId, String userId, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !TASK_APPROVE_WRITE_OFF.equals(task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        if (process == null) {
            return Optional.empty();
        }
        Object decision = values.get(VAR_DECISION);
        return writeOffs.refusal(UUID.fromString(process.getBusinessKey()), userId,
                decision == null ? null : decision.toString());
    }
}
