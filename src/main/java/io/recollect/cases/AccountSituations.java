package io.recollect.cases;

import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import io.recollect.rules.AccountSituation;
import io.recollect.shared.Money;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The calculation step: what the account's situation is today, in the table's terms. */
@Component
class AccountSituations {

    private final InvoiceService invoices;

    AccountSituations(InvoiceService invoices) {
        this.invoices = invoices;
    }

    /** Empty when nothing is overdue. */
    Optional<AccountSituation> of(CollectionCase collectionCase) {
        List<OpenItem> overdue = invoices.openItems(collectionCase.getCustomerId()).stream()
                .filter(OpenItem::overdue).toList();
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        Money overdueAmount = overdue.stream().map(OpenItem::openAmount).reduce(Money::plus).orElseThrow();
        int daysPastDue = (int) overdue.stream().mapToLong(OpenItem::daysPastDue).max().orElseThrow();
        return Optional.of(new AccountSituation(daysPastDue, overdueAmount.amount(), collectionCase.getRemindersSent()));
    }
}
