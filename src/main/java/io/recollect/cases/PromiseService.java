package io.recollect.cases;

import io.recollect.audit.CustomerAccess;
import io.recollect.customers.CustomerService;
import io.recollect.payments.PaymentReversed;
import io.recollect.payments.PaymentService;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.ConflictException;
import io.recollect.shared.InvalidFieldException;
import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Promises to pay: recorded by a collector or the API, kept by payments, broken by the calendar. */
@Service
public class PromiseService {

    private final Promises promises;
    private final CaseJournal journal;
    private final CustomerService customers;
    private final CollectionProperties properties;
    private final PaymentService payments;
    private final CustomerAccess access;
    private final Clock clock;

    PromiseService(Promises promises, CaseJournal journal, CustomerService customers, PaymentService payments,
            CollectionProperties properties, CustomerAccess access, Clock clock) {
        this.payments = payments;
        this.promises = promises;
        this.journal = journal;
        this.customers = customers;
        this.properties = properties;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public UUID record(UUID customerId, LocalDate promisedDate, BigDecimal amount, String actor) {
        access.check(customerId);
        CollectionCase open = journal.openCase(customerId).orElseThrow(() -> new BusinessRuleException(
                "no-open-case", "Customer " + customerId + " has no open collection case to promise against"));
        LocalDate today = LocalDate.now(clock);
        if (promisedDate.isBefore(today)) {
            throw new BusinessRuleException("promise-in-the-past", "The promised date " + promisedDate + " has passed");
        }
        if (promisedDate.isAfter(today.plus(properties.maxPromiseHorizon()))) {
            throw new BusinessRuleException("promise-too-far", "A promise may reach at most "
                    + properties.maxPromiseHorizon().getDays() + " days ahead");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new BusinessRuleException("promise-amount", "The promised amount must be positive");
        }
        Currency currency = Currency.getInstance(customers.get(customerId).currency());
        InvalidFieldException.requireExact("amount", amount, currency);
        Money promised = Money.of(amount, currency);
        if (!promises.findByCustomerIdAndStatus(customerId, PromiseStatus.OPEN).isEmpty()) {
            throw pending();
        }
        Promise promise;
        try {
            // flushed here so a concurrent promise meets the open key now, not at commit
            promise = promises.saveAndFlush(new Promise(open.getId(), customerId, promisedDate, promised, actor,
                    clock.instant()));
        } catch (PessimisticLockingFailureException raced) {
            // H2 gives up waiting for the concurrent writer of the same open key
            throw pending();
        } catch (DataIntegrityViolationException raced) {
            throw OpenKeys.violated(raced, Promise.OPEN_KEY) ? pending() : raced;
        }
        journal.changed(customerId, CaseEventType.PROMISE_RECORDED, "Promised " + promised.display() + " by "
                + promisedDate, actor);
        return promise.getId();
    }

    private static ConflictException pending() {
        return new ConflictException("promise-pending", "A promise to pay is already pending for this customer");
    }

    /**
     * Settles the batch's open promises against the ledger, with a fixed number of queries: kept
     * when the payments recorded since each was made reach its amount, broken when its date plus
     * grace has passed first. Reads payments instead of counting events, so running it twice
     * changes nothing.
     *
     * @return the promises still open, by customer, and broken promises by case
     */
    @Transactional
    Settled settleAll(java.util.Collection<UUID> customerIds, java.util.Collection<UUID> caseIds) {
        return settle(customerIds, caseIds, true);
    }

    /**
     * What {@link #settleAll} would leave, changing nothing: the same promises kept and broken by
     * the same rules, the broken ones counted with those already broken. For a simulation.
     */
    Settled wouldSettle(java.util.Collection<UUID> customerIds, java.util.Collection<UUID> caseIds) {
        return settle(customerIds, caseIds, false);
    }

    private Settled settle(java.util.Collection<UUID> customerIds, java.util.Collection<UUID> caseIds, boolean apply) {
        Map<UUID, List<Promise>> open = promises.findOpenByCustomerIds(customerIds).stream()
                .collect(Collectors.groupingBy(Promise::getCustomerId));
        Map<UUID, Long> brokenNow = new java.util.HashMap<>();
        if (!open.isEmpty()) {
            Instant since = open.values().stream().flatMap(List::stream).map(Promise::getRecordedAt)
                    .min(Instant::compareTo).orElseThrow();
            Map<UUID, List<PaymentService.Received>> paid = payments.receivedSince(open.keySet(), since).stream()
                    .collect(Collectors.groupingBy(PaymentService.Received::customerId));
            LocalDate today = LocalDate.now(clock);
            open.forEach((customerId, pending) -> pending.removeIf(promise -> {
                Money received = paid.getOrDefault(customerId, List.of()).stream()
                        .filter(p -> !p.recordedAt().isBefore(promise.getRecordedAt()))
                        .map(PaymentService.Received::amount)
                        .filter(amount -> amount.currency().equals(promise.getAmount().currency()))
                        .reduce(Money.zero(promise.getAmount().currency()), Money::plus);
                if (apply) {
                    return resolve(customerId, promise, received, today);
                }
                if (promise.keptBy(received)) {
                    return true;
                }
                if (promise.brokenOn(today, graceDays())) {
                    brokenNow.merge(promise.getCaseId(), 1L, Long::sum);
                    return true;
                }
                return false;
            }));
        }
        // Applied, the promises broken just now are flushed before this count and are in it.
        Map<UUID, Long> broken = caseIds.isEmpty() ? new java.util.HashMap<>() : promises.countBrokenByCaseIds(caseIds)
                .stream().collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1], Long::sum,
                        java.util.HashMap::new));
        brokenNow.forEach((caseId, count) -> broken.merge(caseId, count, Long::sum));
        return new Settled(open, broken);
    }

    /**
     * A reversed payment may have kept promises settled since it was recorded: each whose
     * remaining payments no longer reach its amount is open again (or broken, when its case has
     * closed or another promise is open). In the reversing transaction, so the ledger and the
     * promises never disagree.
     */
    @EventListener
    void on(PaymentReversed reversed) {
        List<Promise> kept = promises.findByCustomerIdAndStatus(reversed.customerId(), PromiseStatus.KEPT).stream()
                .filter(promise -> promise.getResolvedAt() != null
                        && !promise.getResolvedAt().isBefore(reversed.recordedAt()))
                .sorted(java.util.Comparator.comparing(Promise::getRecordedAt).reversed()).toList();
        if (kept.isEmpty()) {
            return;
        }
        Instant since = kept.get(kept.size() - 1).getRecordedAt();
        List<PaymentService.Received> paid = payments.receivedSince(List.of(reversed.customerId()), since);
        boolean openTaken = !promises.findByCustomerIdAndStatus(reversed.customerId(), PromiseStatus.OPEN).isEmpty();
        UUID openCase = journal.openCase(reversed.customerId()).map(CollectionCase::getId).orElse(null);
        for (Promise promise : kept) {
            Money received = paid.stream().filter(p -> !p.recordedAt().isBefore(promise.getRecordedAt()))
                    .map(PaymentService.Received::amount)
                    .filter(amount -> amount.currency().equals(promise.getAmount().currency()))
                    .reduce(Money.zero(promise.getAmount().currency()), Money::plus);
            if (received.compareTo(promise.getAmount()) >= 0) {
                continue;
            }
            boolean reopen = !openTaken && promise.getCaseId().equals(openCase);
            promise.unkept(received, reopen, clock.instant());
            openTaken |= reopen;
            journal.changed(reversed.customerId(), CaseEventType.PROMISE_REOPENED, "Promise of "
                    + promise.getAmount().display() + " by " + promise.getPromisedDate() + (reopen
                    ? " is open again: the payment that kept it was reversed"
                    : " is broken: the payment that kept it was reversed"), "system");
        }
        promises.saveAllAndFlush(kept);
    }

    /** What {@link #settleAll} leaves: open promises by customer, broken promises by case. */
    record Settled(Map<UUID, List<Promise>> open, Map<UUID, Long> brokenByCase) {
    }

    private boolean resolve(UUID customerId, Promise promise, Money received, LocalDate today) {
        if (promise.received(received, clock.instant())) {
            journal.record(customerId, CaseEventType.PROMISE_KEPT, "Promise of " + promise.getAmount().display()
                    + " by " + promise.getPromisedDate() + " kept", "system");
            return true;
        }
        if (promise.breakIfOverdue(today, graceDays(), clock.instant())) {
            journal.record(customerId, CaseEventType.PROMISE_BROKEN, "Promise of "
                    + promise.getAmount().display() + " by " + promise.getPromisedDate() + " broken", "system");
            return true;
        }
        return false;
    }

    List<Promise> open(UUID customerId) {
        return promises.findByCustomerIdAndStatus(customerId, PromiseStatus.OPEN);
    }

    long broken(UUID caseId) {
        return promises.countByCaseIdAndStatus(caseId, PromiseStatus.BROKEN);
    }

    int graceDays() {
        return properties.promiseGrace().getDays();
    }
}
