package io.recollect.cases;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import io.recollect.rules.AccountSituation;
import io.recollect.shared.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final Clock clock;

    AccountSituations(InvoiceService invoices, CustomerService customers, PromiseService promises,
            DisputeService disputes, DunningPauseService pauses, Clock clock) {
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

    /** Empty when nothing is overdue. */
    Optional<Snapshot> of(CollectionCase collectionCase) {
        List<OpenItem> overdue = invoices.openItems(collectionCase.getCustomerId()).stream()
                .filter(OpenItem::overdue).toList();
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        CustomerView customer = customers.get(collectionCase.getCustomerId());
        Set<java.util.UUID> disputed = disputes.disputedInvoices(customer.id());
        DunningPauseService.ActivePauses activePauses = pauses.active(customer.id());
        Set<java.util.UUID> paused = activePauses.invoices();
        List<OpenItem> dunnable = overdue.stream()
                .filter(item -> !disputed.contains(item.invoiceId()) && !paused.contains(item.invoiceId())).toList();
        Optional<LocalDate> accountPausedUntil = activePauses.accountPausedUntil();
        List<Promise> openPromises = promises.open(customer.id());
        Instant now = clock.instant();

        AccountSituation situation = new AccountSituation(
                (int) dunnable.stream().mapToLong(OpenItem::daysPastDue).max().orElse(0),
                dunnable.stream().map(OpenItem::openAmount)
                        .reduce(Money.zero(Currency.getInstance(customer.currency())), Money::plus).amount(),
                customer.segment().name(), customer.riskBand().name(), collectionCase.getRemindersSent(),
                daysBetween(Optional.ofNullable(collectionCase.getLastActionAt()).orElse(collectionCase.getOpenedAt()), now),
                daysUntil(collectionCase.getNextStepAt(), now),
                (int) promises.broken(collectionCase.getId()), !openPromises.isEmpty(), false,
                overdue.stream().anyMatch(item -> disputed.contains(item.invoiceId())), customer.hardship(),
                accountPausedUntil.isPresent() || (dunnable.isEmpty() && !paused.isEmpty()),
                collectionCase.isWithAgency());
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

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    private static int daysBetween(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).toDays());
    }

    /** Whole days left, rounded up: a wait ending this afternoon still counts as one day. */
    private static int daysUntil(Instant when, Instant now) {
        if (when == null || !when.isAfter(now)) {
            return 0;
        }
        return (int) ((Duration.between(now, when).getSeconds() + 86_399) / 86_400);
    }
}
