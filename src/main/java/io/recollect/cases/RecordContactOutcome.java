package io.recollect.cases;

import io.recollect.dunning.CommunicationService;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** collection-case: when a collector completes the contact task, what the customer said joins the record. */
@Component("recordContactOutcome")
class RecordContactOutcome implements TaskListener {

    private final CommunicationService communications;

    RecordContactOutcome(CommunicationService communications) {
        this.communications = communications;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(CollectionCaseProcess.VAR_CONTACT_OUTCOME);
        if (outcome == null) {
            throw new IllegalArgumentException("Record the outcome of the contact before completing the task");
        }
        Object note = task.getVariable(CollectionCaseProcess.VAR_CONTACT_NOTE);
        String author = task.getAssignee() != null ? task.getAssignee()
                : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() != null
                        ? task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId()
                        : "unknown";
        communications.recordContactNote(
                UUID.fromString((String) task.getVariable(CollectionCaseProcess.VAR_CUSTOMER_ID)),
                UUID.fromString((String) task.getVariable(CollectionCaseProcess.VAR_CASE_ID)),
                task.getId(), outcome.toString(), note == null ? null : note.toString(), author);
    }
}
