package io.recollect.dunning;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case: puts the reminder of the decided level in the outbox, in the deciding transaction. */
@Component("queueDunningEmail")
class QueueDunningEmail implements JavaDelegate {

    private final CommunicationService communications;

    QueueDunningEmail(CommunicationService communications) {
        this.communications = communications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID communicationId = communications.queueDunningEmail(
                uuid(execution, DunningVariables.CASE_ID),
                uuid(execution, DunningVariables.CUSTOMER_ID),
                ((Number) execution.getVariable(DunningVariables.DUNNING_LEVEL)).intValue(),
                uuid(execution, DunningVariables.DECISION_ID));
        execution.setVariable(DunningVariables.COMMUNICATION_ID, communicationId.toString());
    }

    private static UUID uuid(DelegateExecution execution, String name) {
        return UUID.fromString((String) execution.getVariable(name));
    }
}
