package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import io.recollect.dunning.CommunicationService;
import io.recollect.dunning.DunningVariables;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case: puts the email the table chose (template and level) in the outbox, in the
 * deciding transaction. It lists the invoices the evaluation dunned (disputed and paused ones
 * stay out), read again for their amounts rather than recomputing the whole situation.
 */
@Component("queueDunningEmail")
class QueueDunningEmail implements JavaDelegate {

    private final InvoiceService invoices;
    private final CommunicationService communications;
    private final ProcessCase processCase;

    QueueDunningEmail(InvoiceService invoices, CommunicationService communications, ProcessCase processCase) {
        this.invoices = invoices;
        this.communications = communications;
        this.processCase = processCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CollectionCase collectionCase = processCase.of(execution);
        UUID caseId = collectionCase.getId();
        UUID customerId = collectionCase.getCustomerId();
        Set<String> dunned = Set.of(((String) execution.getVariable(VAR_DUNNED_INVOICES)).split(","));
        List<OpenItem> items = invoices.openItems(customerId).stream()
                .filter(item -> dunned.contains(item.invoiceId().toString())).toList();
        UUID communicationId = communications.queueDunningEmail(caseId, customerId,
                (String) execution.getVariable(VAR_TEMPLATE),
                ((Number) execution.getVariable(VAR_DUNNING_LEVEL)).intValue(),
                UUID.fromString((String) execution.getVariable(VAR_DECISION_ID)), items);
        execution.setVariable(DunningVariables.COMMUNICATION_ID, communicationId.toString());
    }
}
