package io.recollect.dunning;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the email the previous step queued, through the outbox's one-email path (the sweeper
 * may have sent it already; then this does nothing). Runs behind an async continuation with a
 * retry cycle: an SMTP failure becomes a retry, then an incident in Cockpit.
 */
@Component("sendCommunication")
class SendCommunication implements JavaDelegate {

    private final CommunicationService communications;

    SendCommunication(CommunicationService communications) {
        this.communications = communications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        communications.send(UUID.fromString((String) execution.getVariable(DunningVariables.COMMUNICATION_ID)));
    }
}
