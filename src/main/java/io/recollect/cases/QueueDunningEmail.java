package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import io.recollect.dunning.CommunicationService;
import io.recollect.dunning.DunningVariables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case: puts the email the table chose (template and level) in the outbox, in the
 * deciding transaction. It lists only the dunned items: disputed and paused invoices stay out.
 */
@Component("queueDunningEmail")
class QueueDunningEmail implements JavaDelegate {

    private final CollectionCases cases;
    private final AccountSituations situations;
    private final CommunicationService communications;

    QueueDunningEmail(CollectionCases cases, AccountSituations situations, CommunicationService communications) {
        this.cases = cases;
        this.situations = situations;
        this.communications = communications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CollectionCase collectionCase = cases.findById(UUID.fromString((String) execution.getVariable(VAR_CASE_ID)))
                .orElseThrow();
        var items = situations.of(collectionCase).map(AccountSituations.Snapshot::dunnable)
                .orElseThrow(() -> new IllegalStateException("Case " + collectionCase.getId() + " has nothing overdue"));
        UUID communicationId = communications.queueDunningEmail(collectionCase.getId(), collectionCase.getCustomerId(),
                (String) execution.getVariable(VAR_TEMPLATE),
                ((Number) execution.getVariable(VAR_DUNNING_LEVEL)).intValue(),
                UUID.fromString((String) execution.getVariable(VAR_DECISION_ID)), items);
        execution.setVariable(DunningVariables.COMMUNICATION_ID, communicationId.toString());
    }
}
