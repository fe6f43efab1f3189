package io.recollect.cases;

import io.recollect.audit.CustomerAccess;
import io.recollect.customers.CustomerService;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.ConflictException;
import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Promises to pay: recorded by a collector or the API, kept by payments, broken by the calendar. */
@Service
public class PromiseService {

    private final Promises promises;
    private final CaseJournal journal;
    private final CustomerService customers;
    private final CollectionProperties properties;
    private final CustomerAccess access;
    private final Clock clock;

    PromiseService(Promises promises, CaseJournal journal, CustomerService customers,
            CollectionProperties properties, CustomerAccess access, Clock clock) {
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
        Money promised = Money.of(amount, Currency.getInstance(customers.get(customerId).currency()));
        if (!promises.findByCustomerIdAndStatus(customerId, PromiseStatus.OPEN).isEmpty()) {
            throw new ConflictException("promise-pending", "A promise to pay is already pending for this customer");
        }
        Promise promise = promises.save(new Promise(open.getId(), customerId, promisedDate, promised, actor,
                clock.instant()));
        journal.changed(customerId, CaseEventType.PROMISE_RECORDED, "Promised " + promised.display() + " by "
                + promisedDate, actor);
        return promise.getId();
    }

    /** A payment counts towards the open promises; returns whether one was kept. */
    @Transactional
    public boolean receive(UUID customerId, Money payment) {
        boolean kept = false;
        for (Promise promise : promises.findByCustomerIdAndStatus(customerId, PromiseStatus.OPEN)) {
            if (promise.receive(payment, clock.instant())) {
                journal.record(customerId, CaseEventType.PROMISE_KEPT, "Promise of " + promise.getAmount().display()
                        + " by " + promise.getPromisedDate() + " kept", "system");
                kept = true;
            }
        }
        return kept;
    }

    /** Breaks the promises whose date plus grace has passed. */
    @Transactional
    void breakOverdue(UUID customerId) {
        LocalDate today = LocalDate.now(clock);
        for (Promise promise : promises.findByCustomerIdAndStatus(customerId, PromiseStatus.OPEN)) {
            if (promise.breakIfOverdue(today, graceDays(), clock.instant())) {
                journal.record(customerId, CaseEventType.PROMISE_BROKEN, "Promise of "
                        + promise.getAmount().display() + " by " + promise.getPromisedDate() + " broken", "system");
            }
        }
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
