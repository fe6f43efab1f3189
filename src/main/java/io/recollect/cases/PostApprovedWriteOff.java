package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import io.recollect.payments.PaymentService;
import io.recollect.shared.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case: posts an approved write-off of the dunned overdue invoices; a rejection posts nothing. */
@Component("postApprovedWriteOff")
class PostApprovedWriteOff implements JavaDelegate {

    private final ProcessCase processCase;
    private final AccountSituations situations;
    private final InvoiceService invoices;
    private final CaseJournal journal;
    private final PaymentService payments;
    private final DisputeService disputes;

    PostApprovedWriteOff(ProcessCase processCase, AccountSituations situations, InvoiceService invoices,
            CaseJournal journal, PaymentService payments, DisputeService disputes) {
        this.payments = payments;
        this.disputes = disputes;
        this.processCase = processCase;
        this.situations = situations;
        this.invoices = invoices;
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String approver = (String) execution.getVariable(VAR_WRITE_OFF_APPROVED_BY);
        if (approver == null) {
            return;
        }
        CollectionCase collectionCase = processCase.of(execution);
        // Credit that arrived since the approval pays first: nothing already paid is written off.
        payments.applyCredit(java.util.List.of(collectionCase.getCustomerId()),
                disputes.disputedInvoices(collectionCase.getCustomerId()));
        situations.of(collectionCase).ifPresent(snapshot -> {
            for (OpenItem item : snapshot.dunnable()) {
                Money amount = invoices.writeOff(item.invoiceId());
                journal.record(collectionCase.getCustomerId(), CaseEventType.WRITE_OFF_POSTED,
                        "Invoice " + item.number() + ": " + amount.display() + " written off", approver);
            }
        });
        execution.setVariable(VAR_WRITE_OFF_APPROVED_BY, null);
    }
}
