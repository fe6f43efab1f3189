package io.recollect.accounts;

import io.recollect.cases.CollectionCaseService;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.dunning.CommunicationService;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import io.recollect.payments.PaymentService;
import io.recollect.payments.PaymentView;
import io.recollect.plans.PlanService;
import io.recollect.rules.CollectionPathDecisions;
import io.recollect.shared.Money;
import java.util.Currency;
import io.recollect.writeoffs.WriteOffService;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the account page from each module's public face. */
@Service
public class AccountService {

    private final CustomerService customers;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final CommunicationService communications;
    private final CollectionCaseService cases;
    private final CollectionPathDecisions decisions;
    private final PlanService plans;
    private final WriteOffService writeOffs;

    AccountService(CustomerService customers, InvoiceService invoices, PaymentService payments,
            CommunicationService communications, CollectionCaseService cases, CollectionPathDecisions decisions,
            PlanService plans, WriteOffService writeOffs) {
        this.plans = plans;
        this.writeOffs = writeOffs;
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.communications = communications;
        this.cases = cases;
        this.decisions = decisions;
    }

    @Transactional(readOnly = true)
    public AccountView account(UUID customerId) {
        CustomerView customer = customers.get(customerId);
        Currency currency = Currency.getInstance(customer.currency());
        List<OpenItem> open = invoices.openItems(customerId);
        List<PaymentView> history = payments.history(customerId);
        Money openTotal = sum(open.stream().map(OpenItem::openAmount).toList(), currency);
        Money overdue = sum(open.stream().filter(OpenItem::overdue).map(OpenItem::openAmount).toList(), currency);
        Money credit = sum(history.stream().map(PaymentView::unapplied).toList(), currency);
        return new AccountView(customer, openTotal.minus(credit), overdue, credit, open, Aging.of(open, currency),
                history, communications.forCustomer(customerId), cases.openCase(customerId).orElse(null),
                cases.history(customerId), decisions.forCustomer(customerId), plans.forCustomer(customerId),
                writeOffs.forCustomer(customerId), writeOffs.recoveriesOf(customerId));
    }

    private static Money sum(List<Money> amounts, Currency currency) {
        return amounts.stream().reduce(Money.zero(currency), Money::plus);
    }
}
