package io.recollect.cases;

import io.recollect.invoicing.InvoiceToCashProcess;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-to-cash: the invoice fell overdue, so its customer's case opens (and evaluates, in this
 * job) or re-evaluates.
 */
@Component("openOrRefreshCollectionCase")
class OpenOrRefreshCollectionCase implements JavaDelegate {

    private final CollectionCaseService cases;

    OpenOrRefreshCollectionCase(CollectionCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date overdueAt = (Date) execution.getVariable(InvoiceToCashProcess.VAR_OVERDUE_AT);
        cases.openOrRefresh(UUID.fromString((String) execution.getVariable(InvoiceToCashProcess.VAR_CUSTOMER_ID)),
                overdueAt.toInstant());
    }
}
