package io.recollect.accounts;

import io.recollect.cases.CaseView;
import io.recollect.customers.CustomerView;
import io.recollect.dunning.CommunicationView;
import io.recollect.invoicing.OpenItem;
import io.recollect.payments.PaymentView;
import io.recollect.plans.PlanView;
import io.recollect.rules.DecisionRecordView;
import io.recollect.shared.Money;
import io.recollect.writeoffs.RecoveryView;
import io.recollect.writeoffs.WriteOffView;
import java.util.List;

/**
 * Everything about one account on one page: what is open and how old, what was paid, what
 * was said, and which decisions were taken and why.
 *
 * @param balance open invoices minus unapplied credit
 * @param unappliedCredit payments not yet applied to any invoice
 * @param openCase the open collection case, if any
 * @param paymentPlans the customer's hardship payment plans, oldest first, with their instalments
 * @param writeOffs write-off requests and what was posted, oldest first
 * @param recoveries money received on invoices after they were written off (not in payments' allocations to open invoices)
 */
public record AccountView(CustomerView customer, Money balance, Money overdue, Money unappliedCredit,
        List<OpenItem> openInvoices, Aging aging, List<PaymentView> payments,
        List<CommunicationView> communications, CaseView openCase, List<CaseView> cases,
        List<DecisionRecordView> decisions, List<PlanView> paymentPlans, List<WriteOffView> writeOffs,
        List<RecoveryView> recoveries) {
}
