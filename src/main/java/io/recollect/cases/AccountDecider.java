package io.recollect.cases;

import io.recollect.customers.AccountSchedule;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.dunning.CommunicationService;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import io.recollect.payments.PaymentService;
import io.recollect.plans.PlanFacts;
import io.recollect.plans.PlanService;
import io.recollect.rules.CollectionAction;
import io.recollect.rules.CollectionDecision;
import io.recollect.rules.CollectionPathDecisions;
import io.recollect.shared.BusinessTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application step of the collection run: decides a batch of claimed accounts in one Drools
 * session and writes, in the caller's transaction, every decision, the case state, the outbox
 * emails, the work the case process must do for people, and each account's next mark.
 */
@Component
class AccountDecider {

    private static final Logger log = LoggerFactory.getLogger(AccountDecider.class);

    private final CollectionCases cases;
    private final CustomerService customers;
    private final DisputeService disputes;
    private final DunningPauseService pauses;
    private final AccountSituations situations;
    private final PromiseService promises;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final CollectionPathDecisions decisions;
    private final CommunicationService communications;
    private final CaseWorkQueue work;
    private final CaseJournal journal;
    private final AccountSchedule schedule;
    private final CollectionProperties properties;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final PlanService plans;

    AccountDecider(CollectionCases cases, CustomerService customers, DisputeService disputes,
            DunningPauseService pauses, AccountSituations situations, PromiseService promises, InvoiceService invoices,
            PaymentService payments,
            CollectionPathDecisions decisions, CommunicationService communications, CaseWorkQueue work,
            CaseJournal journal, AccountSchedule schedule, CollectionProperties properties,
            BusinessTime businessTime, Clock clock, PlanService plans) {
        this.plans = plans;
        this.cases = cases;
        this.customers = customers;
        this.disputes = disputes;
        this.pauses = pauses;
        this.situations = situations;
        this.promises = promises;
        this.invoices = invoices;
        this.payments = payments;
        this.decisions = decisions;
        this.communications = communications;
        this.work = work;
        this.journal = journal;
        this.schedule = schedule;
        this.properties = properties;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** What a batch did, for the run's counts. */
    record BatchResult(int decided, int emailsQueued, int workQueued, int gaps, List<UUID> emailIds) {

        static final BatchResult NONE = new BatchResult(0, 0, 0, 0);

        BatchResult(int decided, int emailsQueued, int workQueued, int gaps) {
            this(decided, emailsQueued, workQueued, gaps, List.of());
        }

        BatchResult plus(BatchResult other) {
            return new BatchResult(decided + other.decided, emailsQueued + other.emailsQueued,
                    workQueued + other.workQueued, gaps + other.gaps,
                    Stream.concat(emailIds.stream(), other.emailIds.stream()).toList());
        }
    }

    /** What a batch's situations are built from, read with a fixed number of queries whatever its size. */
    record BatchFacts(Map<UUID, CustomerView> customers, Map<UUID, List<OpenItem>> openItems,
            Map<UUID, CollectionCase> openCases, PromiseService.Settled promised, Map<UUID, Set<UUID>> disputed,
            Map<UUID, DunningPauseService.ActivePauses> paused, PlanFacts plans) {

        AccountSituations.Facts factsOf(CollectionCase collectionCase) {
            UUID customerId = collectionCase.getCustomerId();
            return new AccountSituations.Facts(customers.get(customerId), openItems.get(customerId),
                    disputed.getOrDefault(customerId, Set.of()), paused.getOrDefault(customerId, DunningPauseService.NONE),
                    promised.open().getOrDefault(customerId, List.of()),
                    promised.brokenByCase().getOrDefault(collectionCase.getId(), 0L), plans);
        }
    }

    /**
     * Reads the batch set-based. Settles due promises and applies unapplied credit on the way, as
     * the run must.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    BatchFacts read(List<UUID> customerIds) {
        return read(customerIds, true);
    }

    /**
     * What {@link #read} would read, changing nothing: the same queries, with the credit it would
     * apply netted from the open items and the promises it would settle left out (the broken ones
     * counted), both decided by the code that applies them. A simulation's view of the portfolio.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    BatchFacts peek(List<UUID> customerIds) {
        return read(customerIds, false);
    }

    private BatchFacts read(List<UUID> customerIds, boolean apply) {
        Map<UUID, Set<UUID>> disputed = disputes.disputedInvoices(customerIds);
        Set<UUID> leaveOut = disputed.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        if (apply) {
            // Money the customer already paid pays their oldest invoices before anything is dunned.
            payments.applyCredit(customerIds, leaveOut);
        }
        Map<UUID, List<OpenItem>> open = invoices.openItems(customerIds);
        Map<UUID, io.recollect.shared.Money> credit = apply ? Map.of() : payments.creditToApply(open, leaveOut);
        if (!credit.isEmpty()) {
            open.replaceAll((customerId, items) -> items.stream().map(item -> credit.containsKey(item.invoiceId())
                    ? item.paidBy(credit.get(item.invoiceId())) : java.util.Optional.of(item))
                    .flatMap(java.util.Optional::stream).toList());
        }
        Map<UUID, CollectionCase> openCases = cases.findOpenByCustomerIds(customerIds).stream()
                .collect(Collectors.toMap(CollectionCase::getCustomerId, c -> c));
        List<UUID> caseIds = openCases.values().stream().map(CollectionCase::getId).toList();
        return new BatchFacts(customers.getAll(customerIds), open, openCases,
                apply ? promises.settleAll(customerIds, caseIds) : promises.wouldSettle(customerIds, caseIds),
                disputed, pauses.active(customerIds), plans.facts(customerIds));
    }

    private record Pending(CollectionCase collectionCase, AccountSituations.Snapshot snapshot, List<OpenItem> open) {
    }

    /**
     * What a batch writes besides its entities, gathered while it decides and written at the end
     * in one statement (or JDBC batch) each: emails, case work, journal lines.
     */
    private record Writes(Map<UUID, CustomerView> customers, Set<CommunicationService.DunningStep> stepsQueued,
            List<CommunicationService.DunningEmail> emails, List<CaseWorkQueue.NewWork> work,
            List<CaseJournal.Entry> events) {

        Writes(Map<UUID, CustomerView> customers) {
            this(customers, new HashSet<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * Decides the given accounts, which the caller's transaction has claimed (locked). The batch
     * is read set-based: a fixed number of queries whatever its size, never one per account.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    BatchResult decide(List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return BatchResult.NONE;
        }
        Instant now = clock.instant();
        Map<UUID, Instant> next = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        BatchFacts read = read(customerIds);
        Writes writes = new Writes(read.customers());
        List<CollectionCase> opened = new ArrayList<>();
        for (UUID customerId : customerIds) {
            List<OpenItem> open = read.openItems().get(customerId);
            CollectionCase openCase = read.openCases().get(customerId);
            if (open.stream().noneMatch(OpenItem::overdue)) {
                if (openCase != null) {
                    close(openCase, now, writes);
                }
                next.put(customerId, nextInvoiceFallingDue(open, null));
                continue;
            }
            CollectionCase collectionCase = openCase;
            if (collectionCase == null) {
                collectionCase = CollectionCase.open(customerId, now);
                opened.add(collectionCase);
            }
            pending.add(new Pending(collectionCase, situations.of(collectionCase, read.factsOf(collectionCase))
                    .orElseThrow(), open));
        }
        cases.saveAll(opened);
        cases.flush();
        List<CollectionPathDecisions.Outcome> outcomes = decisions.decideAll(pending.stream()
                .map(p -> new CollectionPathDecisions.Request(p.collectionCase().getCustomerId(),
                        p.collectionCase().getId(), p.snapshot().situation()))
                .toList());
        writes.stepsQueued().addAll(communications.dunningStepsQueued(letterSteps(pending, outcomes)));
        BatchResult result = new BatchResult(customerIds.size() - pending.size(), 0, 0, 0);
        for (int i = 0; i < pending.size(); i++) {
            Pending account = pending.get(i);
            CollectionPathDecisions.Outcome outcome = outcomes.get(i);
            UUID customerId = account.collectionCase().getCustomerId();
            if (outcome.gap() != null) {
                result = result.plus(gap(account, outcome, next, writes));
                continue;
            }
            Acted acted = act(account, outcome.recorded(), now, writes);
            next.put(customerId, nextInvoiceFallingDue(account.open(), acted.waitUntil()));
            result = result.plus(new BatchResult(1, 0, acted.work(), 0));
        }
        cases.flush();
        List<UUID> emails = communications.queueDunningEmails(writes.emails());
        work.addAll(writes.work());
        journal.recordAll(writes.events());
        schedule.decided(next);
        return result.plus(new BatchResult(0, emails.size(), 0, 0, emails));
    }

    /** The ladder steps the batch's letters would be: whether each has its email is read in one query. */
    private static List<CommunicationService.DunningStep> letterSteps(List<Pending> pending,
            List<CollectionPathDecisions.Outcome> outcomes) {
        List<CommunicationService.DunningStep> steps = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            CollectionPathDecisions.Outcome outcome = outcomes.get(i);
            if (outcome.gap() == null && isLetter(outcome.recorded().decision())) {
                steps.add(step(pending.get(i).collectionCase(), outcome.recorded().decision()));
            }
        }
        return steps;
    }

    private static boolean isLetter(CollectionDecision decision) {
        return decision.action() == CollectionAction.REMIND || decision.action() == CollectionAction.FINAL_NOTICE;
    }

    private static CommunicationService.DunningStep step(CollectionCase collectionCase, CollectionDecision decision) {
        return new CommunicationService.DunningStep(collectionCase.getId(), decision.template(), decision.dunningLevel());
    }

    private record Acted(Instant waitUntil, int work) {
    }

    private Acted act(Pending account, CollectionPathDecisions.Recorded recorded, Instant now, Writes writes) {
        CollectionCase collectionCase = account.collectionCase();
        CollectionDecision decision = recorded.decision();
        LocalDate today = businessTime.today(clock);
        Instant afterWait = businessTime.runTimeOn(today.plusDays(decision.waitDays()));
        if (decision.action() == CollectionAction.HOLD) {
            // A hold ends early when what it waits for ends: a promise's last day, a pause, the last step's wait.
            Instant until = Stream.concat(Stream.of(afterWait), account.snapshot().holdEnds().stream())
                    .min(Instant::compareTo).orElse(afterWait);
            return new Acted(until, 0);
        }
        boolean letter = isLetter(decision);
        if (letter && (collectionCase.waitingOutLastStep(now)
                || writes.stepsQueued().contains(step(collectionCase, decision)))) {
            // One email per (case, ladder step), and none before the last step's wait ends: enforced
            // here, so no row of the table, or its absence, can send a letter twice or early.
            writes.events().add(new CaseJournal.Entry(collectionCase.getCustomerId(), collectionCase.getId(),
                    CaseEventType.REMINDER_HELD, "Step " + decision.dunningLevel()
                    + " held: the last step's wait or this step's letter came first", "system"));
            Instant until = collectionCase.waitingOutLastStep(now) ? collectionCase.getNextStepAt() : afterWait;
            return new Acted(until, 0);
        }
        collectionCase.acted(letter, now, afterWait);
        if (letter || decision.action() == CollectionAction.AGENCY) {
            writes.emails().add(new CommunicationService.DunningEmail(collectionCase.getId(),
                    writes.customers().get(collectionCase.getCustomerId()), decision.template(),
                    decision.dunningLevel(), recorded.decisionId(), account.snapshot().dunnable()));
        }
        int queued = 0;
        CaseWorkKind kind = CaseWorkKind.forAction(decision.action());
        if (kind != null) {
            // A write-off's approvers come from the write-off-approval table, when its request is routed.
            writes.work().add(new CaseWorkQueue.NewWork(collectionCase.getId(), collectionCase.getCustomerId(),
                    recorded.decisionId(), kind, decision.candidateGroup(), decision.priority(),
                    now.plus(properties.contactTaskSla())));
            queued = 1;
        }
        return new Acted(afterWait, queued);
    }

    private BatchResult gap(Pending account, CollectionPathDecisions.Outcome outcome, Map<UUID, Instant> next,
            Writes writes) {
        // A policy gap is not retried: the account waits for the next run (or a fixed table), and says why.
        UUID customerId = account.collectionCase().getCustomerId();
        log.warn("No row of the collection-path table covers account {} (case {}): {}", customerId,
                account.collectionCase().getId(), outcome.gap().getMessage());
        writes.events().add(new CaseJournal.Entry(customerId, account.collectionCase().getId(), CaseEventType.RULE_GAP,
                Objects.toString(outcome.gap().getMessage()), "system"));
        next.put(customerId, businessTime.runTimeOn(businessTime.today(clock).plusDays(1)));
        return new BatchResult(0, 0, 0, 1);
    }

    private void close(CollectionCase openCase, Instant now, Writes writes) {
        openCase.close(now);
        writes.work().add(new CaseWorkQueue.NewWork(openCase.getId(), openCase.getCustomerId(), null, CaseWorkKind.CLOSE,
                null, 0, null));
    }

    /**
     * The earlier of the wait and the run of the day after the next open invoice's due date, but
     * never before the next daily run: what is decided now is not due again in the same run.
     */
    private Instant nextInvoiceFallingDue(List<OpenItem> open, Instant waitUntil) {
        Instant earliest = businessTime.nextRunAfter(clock.instant());
        return Stream.concat(Stream.ofNullable(waitUntil), open.stream().filter(item -> !item.overdue())
                        .map(item -> businessTime.runTimeOn(item.dueDate().plusDays(1))))
                .min(Instant::compareTo).map(next -> next.isBefore(earliest) ? earliest : next).orElse(null);
    }
}
