package io.recollect.writeoffs;

import static io.recollect.writeoffs.WriteOffProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * write-off: records the approver's decision on the write-off, as whoever completed the task (not
 * as a variable says). The write-off is read by the process's business key.
 */
@Component("recordWriteOffDecision")
class RecordWriteOffDecision implements TaskListener {

    private final WriteOffService writeOffs;

    RecordWriteOffDecision(WriteOffService writeOffs) {
        this.writeOffs = writeOffs;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() != null
                ? task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId()
                : task.getAssignee();
        Object decision = task.getVariable(VAR_DECISION);
        Object note = task.getVariable(VAR_DECISION_NOTE);
        writeOffs.decide(UUID.fromString(task.getExecution().getProcessBusinessKey()), actor,
                decision == null ? null : decision.toString(), note == null ? null : note.toString());
    }
}
