package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import io.recollect.customers.CustomerService;
import io.recollect.security.TaskCompletionCheck;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The separation-of-duties rules of collections' approval tasks, asked before an HTTP completion
 * reaches the engine. RecordManagerDecision and DisputeService enforce the same rules again.
 */
@Component
class ApprovalTaskCheck implements TaskCompletionCheck {

    static final String DISPUTE = "this dispute";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ProcessCase processCase;
    private final DisputeService disputes;
    private final Approvals approvals;
    private final CustomerService customers;

    ApprovalTaskCheck(TaskService tasks, RuntimeService runtime, ProcessCase processCase, DisputeService disputes,
            Approvals approvals, CustomerService customers) {
        this.customers = customers;
        this.tasks = tasks;
        this.runtime = runtime;
        this.processCase = processCase;
        this.disputes = disputes;
        this.approvals = approvals;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> refusal(String taskId, String userId, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        if (process == null || !isUuid(process.getBusinessKey())) {
            // Not a task of a case or a dispute (their business keys are their ids): no duty to separate.
            return Optional.empty();
        }
        UUID key = UUID.fromString(process.getBusinessKey());
        return switch (task.getTaskDefinitionKey()) {
            case DisputeProcess.TASK_RESOLVE_DISPUTE -> approvals.otherThan(disputes.raisedBy(key).orElse(null),
                    userId, DISPUTE);
            default -> Optional.empty();
        };
    }

    private static boolean isUuid(String text) {
        if (text == null) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    /** Who reported the customer's hardship, when someone did. */
    Optional<String> hardshipReportedBy(CollectionCase collectionCase) {
        return customers.hardshipReportedBy(collectionCase.getCustomerId());
    }
}
