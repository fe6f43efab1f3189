package io.recollect.cases;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import io.recollect.plans.PlanFacts;
import io.recollect.plans.PlanService;
import io.recollect.rules.AccountSituation;
import io.recollect.shared.BusinessTime;
import io.recollect.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The calculation step: what the account's situation is right now, in the table's terms.
 * Disputed and paused invoices are overdue but not dunned: they count neither in the amount
 * nor in the days past due, and no email lists them.
 */
@Component
class AccountSituations {

    private final InvoiceService invoices;
    private final CustomerService customers;
    private final PromiseService promises;
    private final DisputeService disputes;
    private final DunningPauseService pauses;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final PlanService plans;

    AccountSituations(InvoiceService invoices, CustomerService customers, PromiseService promises,
            DisputeService disputes, DunningPauseService pauses, BusinessTime businessTime, Clock clock,
            PlanService plans) {
        this.plans = plans;
        this.businessTime = businessTime;
        this.invoices = invoices;
        this.customers = customers;
        this.promises = promises;
        this.disputes = disputes;
        this.pauses = pauses;
        this.clock = clock;
    }

    /**
     * The situation, the items a reminder may list, and when a hold should end at the latest.
     */
    record Snapshot(AccountSituation situation, List<OpenItem> dunnable, List<Instant> holdEnds) {

        /** What the dunnable items still owe together; empty when there are none. */
        Optional<Money> dunnedAmount() {
            return dunnable.stream().map(OpenItem::openAmount).reduce(Money::plus);
        }
    }

    /**
     * What the situation is built from, for one account, however it was read: one by one
     * ({@link #of(CollectionCase)}), or for a whole batch with a fixed number of queries.
     */
    record Facts(CustomerView customer, List<OpenItem> openItems, Set<UUID> disputed,
            DunningPauseService.ActivePauses pauses, List<Promise> openPromises, long brokenPromises, PlanFacts plans) {
    }

    /** Empty when nothing is overdue. */
    Optional<Snapshot> of(CollectionCase collectionCase) {
        UUID customerId = collectionCase.getCustomerId();
        return of(collectionCase, new Facts(customers.get(customerId), invoices.openItems(customerId),
                disputes.disputedInvoices(customerId), pauses.active(customerId), promises.open(customerId),
                promises.broken(collectionCase.getId()), plans.facts(List.of(customerId))));
    }

    /** Empty when nothing is overdue. */
    Optional<Snapshot> of(CollectionCase collectionCase, Facts facts) {
        List<OpenItem> overdue = facts.openItems().stream().filter(OpenItem::overdue).toList();
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        CustomerView customer = facts.customer();
        Set<UUID> disputed = facts.disputed();
        Set<UUID> paused = facts.pauses().invoices();
        UUID customerId = customer.id();
        // A running plan's invoices are paid by its instalments, not dunned.
        Set<UUID> planned = facts.plans().planInvoices(customerId);
        List<OpenItem> dunnable = overdue.stream()
                .filter(item -> !disputed.contains(item.invoiceId()) && !paused.contains(item.invoiceId())
                        && !planned.contains(item.invoiceId())).toList();
        Optional<LocalDate> accountPausedUntil = facts.pauses().accountPausedUntil();
        List<Promise> openPromises = facts.openPromises();
        Instant now = clock.instant();

        AccountSituation situation = new AccountSituation(
                (int) dunnable.stream().mapToLong(OpenItem::daysPastDue).max().orElse(0),
                dunnable.stream().map(OpenItem::openAmount)
                        .reduce(Money.zero(Currency.getInstance(customer.currency())), Money::plus).amount(),
                customer.segment().name(), customer.riskBand().name(), collectionCase.getRemindersSent(),
                businessTime.daysBetween(Optional.ofNullable(collectionCase.getLastActionAt())
                        .orElse(collectionCase.getOpenedAt()), now),
                daysUntil(collectionCase.getNextStepAt(), now),
                (int) facts.brokenPromises(), !openPromises.isEmpty(), facts.plans().activePlan(customerId),
                overdue.stream().anyMatch(item -> disputed.contains(item.invoiceId())), customer.hardship(),
                accountPausedUntil.isPresent() || (dunnable.isEmpty() && !paused.isEmpty()),
                collectionCase.isWithAgency());
        situation.setBrokenPlans(facts.plans().brokenPlans(customerId));
        return Optional.of(new Snapshot(situation, dunnable, holdEnds(collectionCase, openPromises, accountPausedUntil, now)));
    }

    private List<Instant> holdEnds(CollectionCase collectionCase, List<Promise> openPromises,
            Optional<LocalDate> accountPausedUntil, Instant now) {
        List<Instant> ends = new ArrayList<>();
        openPromises.forEach(p -> ends.add(startOf(p.lastDayToPay(promises.graceDays()).plusDays(1))));
        accountPausedUntil.ifPresent(until -> ends.add(startOf(until.plusDays(1))));
        if (collectionCase.getNextStepAt() != null && collectionCase.getNextStepAt().isAfter(now)) {
            ends.add(collectionCase.getNextStepAt());
        }
        return ends;
    }

    /** Decisions due on a day are taken by that day's run. */
    private Instant startOf(LocalDate day) {
        return businessTime.runTimeOn(day);
    }

    /** Calendar days left, at least one while the wait is running: a wait ending later today still counts. */
    private int daysUntil(Instant when, Instant now) {
        if (when == null || !when.isAfter(now)) {
            return 0;
        }
        return Math.max(1, businessTime.daysBetween(now, when));
    }
}
