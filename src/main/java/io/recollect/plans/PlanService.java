package io.recollect.plans;

import io.recollect.customers.AccountSchedule;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.dunning.CommunicationService;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import io.recollect.rules.HardshipPolicy;
import io.recollect.rules.HardshipPolicyResult;
import io.recollect.rules.PlanProposal;
import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.BusinessTime;
import io.recollect.shared.Money;
import io.recollect.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.ConflictException;
import io.recollect.shared.NotPermittedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans module's public face: start a plan, take the collector's terms, check them against
 * the hardship-policy table, approve, run it, and say where every instalment stands.
 */
@Service
public class PlanService {

    /** After a check: the plan still runs, or it ended. */
    public enum PlanState { RUNNING, COMPLETED, BROKEN }

    /** A check's result and when to look again (null once the plan ended). */
    public record Checked(PlanState state, Instant nextCheckAt) {
    }

    private final PaymentPlans plans;
    private final PlanFactsQuery factsQuery;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final CommunicationService communications;
    private final HardshipPolicy policy;
    private final AccountSchedule schedule;
    private final RuntimeService runtime;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final TaskService tasks;
    private final DisputedInvoices disputed;

    /** Whose plan this is, for a task of its process; empty for an id that is not a plan's. */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> customerOf(UUID planId) {
        return plans.findById(planId).map(PaymentPlan::getCustomerId);
    }

    PlanService(PaymentPlans plans, PlanFactsQuery factsQuery, CustomerService customers, InvoiceService invoices,
            CommunicationService communications, HardshipPolicy policy, AccountSchedule schedule,
            RuntimeService runtime, BusinessTime businessTime, Clock clock, TaskService tasks,
            DisputedInvoices disputed) {
        this.tasks = tasks;
        this.disputed = disputed;
        this.plans = plans;
        this.factsQuery = factsQuery;
        this.customers = customers;
        this.invoices = invoices;
        this.communications = communications;
        this.policy = policy;
        this.schedule = schedule;
        this.runtime = runtime;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /**
     * Starts negotiating a plan for the customer (a collector's task), unless one is already being
     * negotiated, awaits approval or runs: then that one is the answer, and nothing new starts.
     *
     * @param source OFFER_PLAN (the collection-path table), HARDSHIP (a contact outcome), PAGE (the account page) or API
     */
    @Transactional
    public PlanView offer(UUID customerId, UUID caseId, String source, String actor) {
        customers.lockAccount(customerId);
        Optional<PaymentPlan> open = plans.findByOpenCustomerId(customerId);
        if (open.isPresent()) {
            return view(open.get());
        }
        if (invoices.openItems(customerId).stream().noneMatch(OpenItem::overdue)) {
            throw new BusinessRuleException("nothing-overdue", "The customer owes nothing overdue: no plan is needed");
        }
        CustomerView customer = customers.get(customerId);
        PaymentPlan plan = plans.saveAndFlush(new PaymentPlan(customerId, caseId, Currency.getInstance(customer.currency()),
                source, actor, clock.instant()));
        runtime.createProcessInstanceByKey(HardshipPlanProcess.KEY).businessKey(plan.getId().toString())
                .setVariable(HardshipPlanProcess.VAR_PLAN_ID, plan.getId().toString())
                .setVariable(HardshipPlanProcess.VAR_CUSTOMER_ID, customerId.toString())
                .execute();
        return view(plan);
    }

    /** The schedule the terms make for what the customer owes overdue today, and the policy's answer. */
    @Transactional(readOnly = true)
    public PlanPreview preview(UUID customerId, PlanTerms terms) {
        CustomerView customer = customers.get(customerId);
        Map<UUID, Money> overdue = overdueInvoices(customerId);
        Money balance = overdue.values().stream().reduce(Money.zero(Currency.getInstance(customer.currency())), Money::plus);
        PlanSchedule planned = PlanSchedule.of(balance, terms, today());
        return new PlanPreview(balance, planned.instalments(), planned.termMonths(today()),
                policy.decide(proposal(customer, planned, terms)));
    }

    /** Why these terms make no schedule for the plan's account today, or empty when they do. */
    @Transactional(readOnly = true)
    public Optional<String> problemWith(UUID planId, PlanTerms terms) {
        PaymentPlan plan = get(planId);
        Money balance = overdueInvoices(plan.getCustomerId()).values().stream()
                .reduce(Money.zero(plan.currency()), Money::plus);
        try {
            PlanSchedule.of(balance, terms, today());
            return Optional.empty();
        } catch (BusinessRuleException invalid) {
            return Optional.of(invalid.getMessage());
        }
    }

    /** The collector's terms: the schedule for what is overdue now. */
    @Transactional
    public PlanView propose(UUID planId, PlanTerms terms, String negotiator) {
        PaymentPlan plan = get(planId);
        Map<UUID, Money> overdue = overdueInvoices(plan.getCustomerId());
        Money balance = overdue.values().stream().reduce(Money.zero(plan.currency()), Money::plus);
        plan.propose(terms, PlanSchedule.of(balance, terms, today()), overdue, negotiator);
        return view(plan);
    }

    /**
     * A collector (or manager) agrees terms from the account page: the plan starts, or the one
     * being negotiated takes them, and its negotiate task is completed with them as that
     * collector, exactly as Tasklist would. Terms that make no schedule start nothing.
     */
    @Transactional
    public PlanView proposeNow(UUID customerId, PlanTerms terms, String negotiator) {
        if (!CurrentUser.get().map(u -> u.inAny(Roles.COLLECTORS, Roles.MANAGERS)).orElse(false)) {
            throw new NotPermittedException("plan-proposal-not-permitted",
                    "Payment plans are negotiated by collectors and collection managers");
        }
        CustomerView customer = customers.get(customerId);
        Money balance = overdueInvoices(customerId).values().stream()
                .reduce(Money.zero(Currency.getInstance(customer.currency())), Money::plus);
        PlanSchedule.of(balance, terms, today());
        Optional<PaymentPlan> open = plans.findByOpenCustomerId(customerId);
        if (open.isPresent() && open.get().getStatus() != PlanStatus.NEGOTIATING) {
            throw new ConflictException("plan-open", "The customer already has a payment plan that is "
                    + open.get().getStatus().name().toLowerCase().replace('_', ' ') + "; no other plan can be proposed");
        }
        UUID planId = open.map(PaymentPlan::getId).orElseGet(() -> offer(customerId, null, "PAGE", negotiator).id());
        Task negotiate = tasks.createTaskQuery().processInstanceBusinessKey(planId.toString())
                .processDefinitionKey(HardshipPlanProcess.KEY).taskDefinitionKey(HardshipPlanProcess.TASK_NEGOTIATE_PLAN)
                .singleResult();
        if (negotiate == null) {
            throw new ConflictException("plan-not-negotiating", "The plan is not waiting for terms just now; try again");
        }
        Map<String, Object> values = new java.util.HashMap<>();
        values.put(HardshipPlanProcess.VAR_DOWN_PAYMENT, terms.downPayment() == null ? null : terms.downPayment().toPlainString());
        values.put(HardshipPlanProcess.VAR_INSTALMENTS, terms.instalments());
        values.put(HardshipPlanProcess.VAR_FREQUENCY, terms.frequency().name());
        values.put(HardshipPlanProcess.VAR_FIRST_DUE_DATE, terms.firstDueDate().toString());
        values.put(HardshipPlanProcess.VAR_MONTHLY_INCOME, terms.monthlyIncome() == null ? null
                : terms.monthlyIncome().toPlainString());
        tasks.setAssignee(negotiate.getId(), negotiator);
        tasks.complete(negotiate.getId(), values);
        return view(get(planId));
    }

    /** Asks the hardship-policy table about the proposed terms; a refusal ends the plan with its reason. */
    @Transactional
    public HardshipPolicyResult checkPolicy(UUID planId) {
        PaymentPlan plan = get(planId);
        PlanTerms terms = new PlanTerms(null, 0, plan.getFrequency(), null, plan.getMonthlyIncome());
        PlanSchedule planned = new PlanSchedule(Money.of(plan.getBalance(), plan.currency()), plan.getInstalments()
                .stream().map(i -> new PlanSchedule.Instalment(i.getSeq(), i.getDueDate(), Money.of(i.getAmount(), plan.currency())))
                .toList());
        HardshipPolicyResult result = policy.decide(proposal(customers.get(plan.getCustomerId()), planned, terms));
        plan.checked(result, clock.instant());
        return result;
    }

    /** Whoever negotiated the plan never approves it, whichever way the approval task is completed. */
    public Optional<String> mayApprove(UUID planId, String approver) {
        PaymentPlan plan = get(planId);
        return approver != null && !Actors.SYSTEM.equals(approver) && approver.equals(plan.getNegotiatedBy())
                ? Optional.of(approver + " negotiated this plan and may not also approve it; another manager decides")
                : Optional.empty();
    }

    /** A manager's approval or rejection of an out-of-policy plan. */
    @Transactional
    public PlanView decide(UUID planId, boolean approve, String manager) {
        mayApprove(planId, manager).ifPresent(refusal -> {
            throw new AuthorizationException(refusal);
        });
        PaymentPlan plan = get(planId);
        plan.decided(approve, manager, clock.instant());
        return view(plan);
    }

    /**
     * The plan runs: its invoices are no longer dunned, the customer gets the schedule, and the
     * hardship report it answers is cleared (a new report after it ends is news again).
     *
     * @return when to look at the instalments first
     */
    @Transactional
    public Instant activate(UUID planId) {
        PaymentPlan plan = get(planId);
        plan.activate(clock.instant());
        List<InstalmentView> instalments = instalments(plan);
        communications.queuePlanEmail("plan:" + planId + ":agreement", plan.getCustomerId(), plan.getCaseId(),
                "plan-agreement", new Object[] {Money.of(plan.getBalance(), plan.currency()).display()},
                Map.of("balance", Money.of(plan.getBalance(), plan.currency()), "instalments", instalments,
                        "graceDays", plan.getGraceDays(), "breakAfterMisses", plan.getBreakAfterMisses()));
        customers.setHardship(plan.getCustomerId(), false, "Payment plan agreed", Actors.SYSTEM);
        schedule.changed(plan.getCustomerId());
        return nextCheck(plan, instalments);
    }

    /**
     * Looks at the instalments today: a reminder the day after one falls due unpaid, a miss when its
     * grace days pass, broken at the table's number of misses (or when the last grace passed with
     * money owed), completed when everything is paid. A change of state marks the account changed.
     */
    @Transactional
    public Checked check(UUID planId) {
        PaymentPlan plan = get(planId);
        if (plan.getStatus() != PlanStatus.ACTIVE) {
            return new Checked(plan.getStatus() == PlanStatus.COMPLETED ? PlanState.COMPLETED : PlanState.BROKEN, null);
        }
        Instant now = clock.instant();
        LocalDate today = today();
        List<InstalmentView> views = instalments(plan);
        if (views.stream().allMatch(v -> v.state() == InstalmentState.PAID)) {
            plan.complete(now);
            schedule.changed(plan.getCustomerId());
            return new Checked(PlanState.COMPLETED, null);
        }
        Map<Integer, InstalmentView> bySeq = views.stream().collect(Collectors.toMap(InstalmentView::seq, v -> v));
        // A dispute on an invoice the plan covers holds the plan's watch: no reminder, no miss, no break.
        boolean disputedNow = disputed.of(plan.getCustomerId()).stream().anyMatch(plan.getInvoices()::containsKey);
        for (PlanInstalment instalment : plan.getInstalments()) {
            InstalmentView view = bySeq.get(instalment.getSeq());
            if (view.state() == InstalmentState.PAID || instalment.isExcused()) {
                continue;
            }
            if (disputedNow) {
                if (today.isAfter(instalment.getDueDate().plusDays(plan.getGraceDays()))) {
                    instalment.excuse(now);
                }
                continue;
            }
            if (today.isAfter(instalment.getDueDate()) && instalment.remind(now)) {
                remind(plan, view);
            }
            if (today.isAfter(instalment.getDueDate().plusDays(plan.getGraceDays())) && instalment.miss(now)) {
                plan.missed();
            }
        }
        boolean termOver = today.isAfter(views.get(views.size() - 1).dueDate().plusDays(plan.getGraceDays()));
        if (!disputedNow && (plan.getBreakAfterMisses() > 0 && plan.getMissedCount() >= plan.getBreakAfterMisses()
                || termOver)) {
            plan.breakOff(now);
            tellBroken(plan, views);
            schedule.changed(plan.getCustomerId());
            return new Checked(PlanState.BROKEN, null);
        }
        return new Checked(PlanState.RUNNING, nextCheck(plan, views));
    }

    /** The plans of a batch of accounts, in two queries whatever the batch size. */
    @Transactional(readOnly = true)
    public PlanFacts facts(Collection<UUID> customerIds) {
        return customerIds.isEmpty() ? PlanFacts.NONE : factsQuery.of(customerIds);
    }

    /** Every plan of the customer, oldest first, with its instalments as they stand today. */
    @Transactional(readOnly = true)
    public List<PlanView> forCustomer(UUID customerId) {
        return plans.findByCustomerIdOrderByCreatedAtAsc(customerId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public PlanView plan(UUID planId) {
        return view(get(planId));
    }

    /** The customer's plan that is being negotiated, awaits approval or runs. */
    @Transactional(readOnly = true)
    public Optional<PlanView> openPlan(UUID customerId) {
        return plans.findByOpenCustomerId(customerId).map(this::view);
    }

    /** The customer learns the plan ended and what of it is due again, once per plan. */
    private void tellBroken(PaymentPlan plan, List<InstalmentView> views) {
        Money balance = Money.of(plan.getBalance(), plan.currency());
        Money owed = views.stream().map(v -> v.amount().minus(v.paid())).reduce(Money.zero(plan.currency()), Money::plus);
        communications.queuePlanEmail("plan:" + plan.getId() + ":broken", plan.getCustomerId(), plan.getCaseId(),
                "plan-broken", new Object[] {balance.display()},
                Map.of("balance", balance, "owed", owed, "missed", plan.getMissedCount()));
    }

    private void remind(PaymentPlan plan, InstalmentView view) {
        communications.queuePlanEmail("plan:" + plan.getId() + ":reminder:" + view.seq(), plan.getCustomerId(),
                plan.getCaseId(), "plan-reminder",
                new Object[] {null, view.amount().display(), view.dueDate().toString()},
                Map.of("amount", view.amount(), "owed", view.amount().minus(view.paid()), "dueDate", view.dueDate(),
                        "graceDays", plan.getGraceDays()));
    }

    /** The next day something can happen: an unpaid instalment's day after due, or the day after its grace. */
    private Instant nextCheck(PaymentPlan plan, List<InstalmentView> views) {
        LocalDate today = today();
        Map<Integer, PlanInstalment> bySeq = plan.getInstalments().stream()
                .collect(Collectors.toMap(PlanInstalment::getSeq, i -> i));
        LocalDate next = views.stream().filter(v -> v.state() != InstalmentState.PAID).map(v -> {
            PlanInstalment instalment = bySeq.get(v.seq());
            if (instalment.isExcused()) {
                return null;
            }
            if (!instalment.isReminded()) {
                return v.dueDate().plusDays(1);
            }
            return instalment.isMissed() ? null : v.dueDate().plusDays(plan.getGraceDays() + 1L);
        }).filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(today.plusDays(1));
        return businessTime.runTimeOn(next.isAfter(today) ? next : today.plusDays(1));
    }

    /** Payments to the plan's invoices since it started, spread over the instalments oldest first. */
    private List<InstalmentView> instalments(PaymentPlan plan) {
        Currency currency = plan.currency();
        Map<UUID, Money> openNow = invoices.openItems(plan.getCustomerId()).stream()
                .collect(Collectors.toMap(OpenItem::invoiceId, OpenItem::openAmount));
        Money paid = Money.zero(currency);
        for (Map.Entry<UUID, BigDecimal> invoice : plan.getInvoices().entrySet()) {
            Money atStart = Money.of(invoice.getValue(), currency);
            Money reduced = atStart.minus(openNow.getOrDefault(invoice.getKey(), Money.zero(currency)));
            if (reduced.isPositive()) {
                paid = paid.plus(reduced);
            }
        }
        LocalDate today = today();
        Money left = paid;
        List<InstalmentView> views = new java.util.ArrayList<>();
        for (PlanInstalment instalment : plan.getInstalments()) {
            Money amount = Money.of(instalment.getAmount(), currency);
            Money towards = left.min(amount);
            left = left.minus(towards);
            InstalmentState state = towards.compareTo(amount) >= 0 ? InstalmentState.PAID
                    : instalment.isExcused() ? InstalmentState.EXCUSED
                    : instalment.isMissed() || today.isAfter(instalment.getDueDate().plusDays(plan.getGraceDays()))
                            ? InstalmentState.MISSED
                            : today.isBefore(instalment.getDueDate()) ? InstalmentState.UPCOMING : InstalmentState.DUE;
            views.add(new InstalmentView(instalment.getSeq(), instalment.getDueDate(), amount, towards, state));
        }
        return views;
    }

    private PlanView view(PaymentPlan plan) {
        Currency currency = plan.currency();
        List<InstalmentView> instalments = plan.getBalance() == null ? List.of() : instalments(plan);
        Money paid = instalments.stream().map(InstalmentView::paid).reduce(Money.zero(currency), Money::plus);
        return new PlanView(plan.getId(), plan.getCustomerId(), plan.getStatus(), plan.getSource(),
                plan.getNegotiatedBy(), plan.getApprovedBy(),
                plan.getBalance() == null ? null : Money.of(plan.getBalance(), currency), paid, plan.getFrequency(),
                plan.getPolicyDecision(), plan.getPolicyReason(), plan.getGraceDays(), plan.getBreakAfterMisses(),
                plan.getMissedCount(), plan.getCreatedAt(), plan.getAgreedAt(), plan.getEndedAt(), instalments);
    }

    private PlanProposal proposal(CustomerView customer, PlanSchedule planned, PlanTerms terms) {
        PlanProposal proposal = new PlanProposal();
        proposal.setSegment(customer.segment().name());
        proposal.setRiskBand(customer.riskBand().name());
        proposal.setBalance(planned.balance().amount());
        proposal.setDownPaymentPercent(planned.downPayment().amount().multiply(BigDecimal.valueOf(100))
                .divide(planned.balance().amount(), 2, RoundingMode.HALF_UP));
        proposal.setInstalmentAmount(planned.regularInstalment().amount());
        proposal.setTermMonths(planned.termMonths(today()));
        boolean incomeKnown = terms.monthlyIncome() != null && terms.monthlyIncome().signum() > 0;
        proposal.setIncomeKnown(incomeKnown);
        proposal.setIncomeSharePercent(incomeKnown ? planned.regularInstalment().amount()
                .multiply(terms.frequency().perMonth()).multiply(BigDecimal.valueOf(100))
                .divide(terms.monthlyIncome(), 2, RoundingMode.HALF_UP) : BigDecimal.ZERO);
        proposal.setBrokenPlans(factsQuery.of(List.of(customer.id())).brokenPlans(customer.id()));
        return proposal;
    }

    /** What the customer owes overdue now and does not dispute, per invoice, oldest due first. */
    private Map<UUID, Money> overdueInvoices(UUID customerId) {
        Map<UUID, Money> overdue = new LinkedHashMap<>();
        java.util.Set<UUID> inDispute = disputed.of(customerId);
        invoices.openItems(customerId).stream().filter(OpenItem::overdue).filter(i -> !inDispute.contains(i.invoiceId()))
                .sorted(java.util.Comparator.comparing(OpenItem::dueDate))
                .forEach(item -> overdue.put(item.invoiceId(), item.openAmount()));
        return overdue;
    }

    private PaymentPlan get(UUID planId) {
        return plans.findById(planId).orElseThrow(() -> new NotFoundException("Payment plan", planId));
    }

    private LocalDate today() {
        return businessTime.today(clock);
    }
}
