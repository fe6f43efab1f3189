package io.recollect.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.accounts.Aging;
import io.recollect.accounts.AgingProbe;
import io.recollect.plans.PlanFrequency;
import io.recollect.plans.PlanSchedule;
import io.recollect.plans.PlanTerms;
import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger's money invariants under random sequences of issue, pay (oldest first), partial pay,
 * credit note, write-off (part or all of an invoice, asked for more than is open), recovery,
 * credit applied before dunning, reversal, refund of credit, a hardship plan's instalments paid or
 * missed, and a bank statement imported (twice, some lines), on the domain objects themselves, to
 * the cent. Payments are modelled as the payments module keeps them: allocations to open invoices
 * (a named written-off invoice takes a recovery), the rest unapplied; a reversal undoes every
 * allocation it made, a refund takes only unapplied credit; a statement line with an invoice's
 * reference pays that invoice (the rest stays credit), one without waits for finance.
 */
class MoneyInvariantsPropertyTests {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate DAY_ONE = LocalDate.of(2026, 3, 2);

    sealed interface Step permits Issue, PayOldestFirst, PayInvoice, Credit, WriteOff, Recover, PassDays, ApplyCredit,
            Reverse, Refund, StartPlan, PayInstalment, MissInstalment, ImportStatement {
    }

    record ApplyCredit() implements Step {
    }

    record Reverse(int payment) implements Step {
    }

    record Refund(int payment, int percent) implements Step {
    }

    record StartPlan(int instalments) implements Step {
    }

    record PayInstalment() implements Step {
    }

    record MissInstalment() implements Step {
    }

    /** A line names an invoice by its reference (or nothing, -1); ids come from a small pool, so files repeat lines. */
    record StatementEntry(int lineId, int invoice, long cents) {
    }

    record ImportStatement(List<StatementEntry> lines) implements Step {
    }

    record Issue(long cents, int dueInDays) implements Step {
    }

    record PayOldestFirst(long cents) implements Step {
    }

    record PayInvoice(int invoice, long cents) implements Step {
    }

    record Credit(int invoice, int percent) implements Step {
    }

    record WriteOff(int invoice, long cents) implements Step {
    }

    record Recover(int invoice, long cents) implements Step {
    }

    record PassDays(int days) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Long> cents = Arbitraries.longs().between(1, 500_000);
        // few indexes, so steps often meet the same invoice or payment (a recovery then its reversal, say)
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 3);
        Arbitrary<Step> step = Arbitraries.oneOf(
                cents.flatMap(c -> Arbitraries.integers().between(-90, 60).map(d -> (Step) new Issue(c, d))),
                cents.map(PayOldestFirst::new),
                index.flatMap(i -> cents.map(c -> (Step) new PayInvoice(i, c))),
                index.flatMap(i -> Arbitraries.integers().between(1, 100).map(p -> (Step) new Credit(i, p))),
                index.flatMap(i -> cents.map(c -> (Step) new WriteOff(i, c))),
                index.flatMap(i -> cents.map(c -> (Step) new Recover(i, c))),
                Arbitraries.integers().between(1, 45).map(PassDays::new),
                Arbitraries.just(new ApplyCredit()),
                index.map(Reverse::new),
                index.flatMap(i -> Arbitraries.integers().between(1, 100).map(p -> (Step) new Refund(i, p))),
                Arbitraries.integers().between(1, 6).map(StartPlan::new),
                Arbitraries.just(new PayInstalment()),
                Arbitraries.just(new MissInstalment()),
                Combinators.combine(Arbitraries.integers().between(0, 15), Arbitraries.integers().between(-1, 9), cents)
                        .as(StatementEntry::new).list().ofMinSize(1).ofMaxSize(6).map(ImportStatement::new));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    /** A payment as the payments module keeps it: what it paid where, what was refunded, whether it bounced. */
    static final class PaidMoney {
        final Money amount;
        final List<int[]> allocatedTo = new ArrayList<>();
        final List<Money> allocated = new ArrayList<>();
        final List<Boolean> recovery = new ArrayList<>();
        Money refunded = Money.zero(EUR);
        boolean reversed;

        PaidMoney(Money amount) {
            this.amount = amount;
        }

        Money unapplied() {
            return reversed ? Money.zero(EUR) : amount.minus(sum(allocated.stream())).minus(refunded);
        }

        void allocate(int invoice, Money taken, boolean isRecovery) {
            if (taken.isPositive()) {
                allocatedTo.add(new int[] {invoice});
                allocated.add(taken);
                recovery.add(isRecovery);
            }
        }
    }

    /** A running plan: its schedule, the next instalment, how many were missed. */
    record Plan(PlanSchedule schedule, int next, int missed) {
    }

    /** What the model knows besides the invoices: the payments, a plan, the statement lines taken. */
    static final class Ledger {
        final List<Invoice> invoices = new ArrayList<>();
        final List<PaidMoney> payments = new ArrayList<>();
        final java.util.Set<Integer> linesTaken = new java.util.HashSet<>();
        Plan plan;
        LocalDate today = DAY_ONE;
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        Money unapplied() {
            return sum(payments.stream().map(PaidMoney::unapplied));
        }

        /** What payments that stand paid on the invoice, recoveries apart. */
        Money paid(int invoice) {
            Money paid = Money.zero(EUR);
            for (PaidMoney payment : payments) {
                for (int a = 0; a < payment.allocated.size(); a++) {
                    if (!payment.reversed && payment.allocatedTo.get(a)[0] == invoice && !payment.recovery.get(a)) {
                        paid = paid.plus(payment.allocated.get(a));
                    }
                }
            }
            return paid;
        }
    }

    @Property(tries = 400)
    void moneyAddsUpToTheCentWhateverHappens(@ForAll("sequences") List<Step> steps) {
        Ledger ledger = new Ledger();
        for (Step step : steps) {
            apply(ledger, step);
            check(ledger);
        }
    }

    private static void apply(Ledger ledger, Step step) {
        if (step instanceof Issue issue) {
            Invoice invoice = new Invoice("INV-" + ledger.invoices.size(), java.util.UUID.randomUUID(), EUR,
                    ledger.today.minusDays(Math.max(0, -issue.dueInDays())), ledger.today.plusDays(issue.dueInDays()),
                    ledger.now);
            invoice.addLine(null, "Service", BigDecimal.ONE, cents(issue.cents()).amount(), BigDecimal.ZERO);
            invoice.issue(ledger.now, null);
            ledger.invoices.add(invoice);
        } else if (step instanceof PayOldestFirst pay) {
            PaidMoney payment = receive(ledger, cents(pay.cents()));
            oldestFirst(ledger, payment, payment.amount);
        } else if (step instanceof PayInvoice pay) {
            invoice(ledger, pay.invoice()).filter(i -> i.getStatus().isOpen()).ifPresent(invoice -> {
                PaidMoney payment = receive(ledger, cents(pay.cents()));
                payment.allocate(ledger.invoices.indexOf(invoice), invoice.applyPayment(payment.amount, ledger.now), false);
            });
        } else if (step instanceof Credit credit) {
            invoice(ledger, credit.invoice()).filter(i -> i.getStatus().isOpen()).ifPresent(i -> {
                Money amount = Money.of(i.getOpenAmount().amount().multiply(BigDecimal.valueOf(credit.percent()))
                        .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN), EUR);
                if (amount.isPositive()) {
                    i.credit(amount, ledger.now);
                }
            });
        } else if (step instanceof WriteOff writeOff) {
            invoice(ledger, writeOff.invoice()).filter(i -> i.getStatus().isOpen()).ifPresent(i -> {
                Money asked = cents(writeOff.cents());
                Money openBefore = i.getOpenAmount();
                Money posted = i.writeOff(asked, ledger.now);
                assertThat(posted).as("written off").isEqualTo(asked.min(openBefore));
            });
        } else if (step instanceof Recover recover) {
            invoice(ledger, recover.invoice()).filter(i -> i.getStatus() == InvoiceStatus.WRITTEN_OFF).ifPresent(i -> {
                PaidMoney payment = receive(ledger, cents(recover.cents()));
                Money open = i.getOpenAmount();
                payment.allocate(ledger.invoices.indexOf(i), i.recover(payment.amount), true);
                assertThat(i.getOpenAmount()).as("a recovery reopens nothing").isEqualTo(open);
            });
        } else if (step instanceof PassDays pass) {
            passDays(ledger, pass.days());
        } else if (step instanceof ApplyCredit) {
            applyCredit(ledger);
        } else if (step instanceof Reverse reverse) {
            payment(ledger, reverse.payment()).filter(p -> !p.reversed && p.refunded.isZero()).ifPresent(p -> {
                for (int a = 0; a < p.allocated.size(); a++) {
                    Invoice invoice = ledger.invoices.get(p.allocatedTo.get(a)[0]);
                    if (p.recovery.get(a)) {
                        invoice.unrecover(p.allocated.get(a));
                    } else {
                        invoice.reopen(p.allocated.get(a));
                    }
                }
                p.reversed = true;
            });
        } else if (step instanceof Refund refund) {
            payment(ledger, refund.payment()).filter(p -> p.unapplied().isPositive()).ifPresent(p -> {
                Money amount = Money.of(p.unapplied().amount().multiply(BigDecimal.valueOf(refund.percent()))
                        .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN), EUR);
                if (amount.isPositive()) {
                    p.refunded = p.refunded.plus(amount);
                }
            });
        } else if (step instanceof StartPlan start) {
            Money owed = sum(ledger.invoices.stream().filter(i -> i.getStatus().isOpen()).map(Invoice::getOpenAmount));
            if (ledger.plan == null && owed.amount().compareTo(BigDecimal.valueOf(start.instalments(), 2)) >= 0) {
                PlanSchedule schedule = PlanSchedule.of(owed, new PlanTerms(BigDecimal.ZERO, start.instalments(),
                        PlanFrequency.MONTHLY, ledger.today.plusDays(7), null), ledger.today);
                assertThat(sum(schedule.instalments().stream().map(PlanSchedule.Instalment::amount)))
                        .as("the schedule pays off the balance to the cent").isEqualTo(owed);
                ledger.plan = new Plan(schedule, 0, 0);
            }
        } else if (step instanceof PayInstalment) {
            if (ledger.plan != null) {
                Money due = ledger.plan.schedule().instalments().get(ledger.plan.next()).amount();
                PaidMoney payment = receive(ledger, due);
                oldestFirst(ledger, payment, due);
                nextInstalment(ledger, ledger.plan.missed());
            }
        } else if (step instanceof MissInstalment) {
            if (ledger.plan != null) {
                LocalDate due = ledger.plan.schedule().instalments().get(ledger.plan.next()).dueDate();
                // the instalment's day and its grace pass with nothing paid; broken at the second miss
                passDays(ledger, (int) Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(ledger.today, due) + 8));
                if (ledger.plan != null) {
                    int missed = ledger.plan.missed() + 1;
                    if (missed >= 2) {
                        ledger.plan = null;
                    } else {
                        nextInstalment(ledger, missed);
                    }
                }
            }
        } else if (step instanceof ImportStatement statement) {
            importStatement(ledger, statement);
        }
    }

    private static PaidMoney receive(Ledger ledger, Money amount) {
        PaidMoney payment = new PaidMoney(amount);
        ledger.payments.add(payment);
        return payment;
    }

    /** As the payments module allocates money no invoice was named for: oldest due first, the rest unapplied. */
    private static void oldestFirst(Ledger ledger, PaidMoney payment, Money amount) {
        Money left = amount;
        List<Invoice> open = ledger.invoices.stream().filter(i -> i.getStatus().isOpen())
                .sorted(Comparator.comparing(Invoice::getDueDate)).toList();
        for (Invoice invoice : open) {
            if (left.isZero()) {
                break;
            }
            Money taken = invoice.applyPayment(left, ledger.now);
            payment.allocate(ledger.invoices.indexOf(invoice), taken, false);
            left = left.minus(taken);
        }
    }

    /** As the run does before it duns: unapplied credit, oldest payment first, to open invoices oldest due first. */
    private static void applyCredit(Ledger ledger) {
        for (PaidMoney payment : ledger.payments) {
            if (payment.unapplied().isPositive()) {
                oldestFirst(ledger, payment, payment.unapplied());
            }
        }
    }

    /**
     * As BankStatementService: a line id is taken once; a line whose reference names an invoice
     * pays what it has open (an invoice no longer open: oldest due first), the rest stays credit;
     * a line with no reference waits for finance and records nothing.
     */
    private static void importStatement(Ledger ledger, ImportStatement statement) {
        java.util.Set<Integer> inFile = new java.util.HashSet<>();
        List<StatementEntry> lines = statement.lines().stream().filter(line -> inFile.add(line.lineId())).toList();
        for (StatementEntry line : lines) {
            if (!ledger.linesTaken.add(line.lineId()) || line.invoice() < 0) {
                continue;
            }
            java.util.Optional<Invoice> named = invoice(ledger, line.invoice());
            if (named.isEmpty()) {
                ledger.linesTaken.remove(line.lineId());
                continue;
            }
            PaidMoney payment = receive(ledger, cents(line.cents()));
            Invoice invoice = named.get();
            if (invoice.getStatus().isOpen()) {
                payment.allocate(ledger.invoices.indexOf(invoice), invoice.applyPayment(payment.amount, ledger.now),
                        false);
            } else {
                oldestFirst(ledger, payment, payment.amount);
            }
        }
    }

    private static void nextInstalment(Ledger ledger, int missed) {
        int next = ledger.plan.next() + 1;
        ledger.plan = next < ledger.plan.schedule().instalments().size()
                ? new Plan(ledger.plan.schedule(), next, missed) : null;
    }

    private static void passDays(Ledger ledger, int days) {
        ledger.today = ledger.today.plusDays(days);
        ledger.now = ledger.now.plusSeconds(86_400L * days);
    }

    private static void check(Ledger ledger) {
        Money openTotal = Money.zero(EUR);
        for (int i = 0; i < ledger.invoices.size(); i++) {
            Invoice invoice = ledger.invoices.get(i);
            assertThat(invoice.getOpenAmount().amount().signum()).as("open amount of %s", invoice.getNumber())
                    .isGreaterThanOrEqualTo(0);
            assertThat(ledger.paid(i).plus(invoice.getCredited()).plus(invoice.getWrittenOff())
                    .plus(invoice.getOpenAmount())).as("total of %s", invoice.getNumber()).isEqualTo(invoice.getTotal());
            assertThat(invoice.getRecovered()).isLessThanOrEqualTo(invoice.getWrittenOff());
            assertThat(invoice.getStatus().isOpen()).isEqualTo(invoice.getOpenAmount().isPositive());
            openTotal = openTotal.plus(invoice.getOpenAmount());
        }
        assertThat(ledger.unapplied().amount().signum()).as("unapplied credit").isGreaterThanOrEqualTo(0);
        Money balance = openTotal.minus(ledger.unapplied());
        // Independently: what was billed, less what was settled any way, less money received and not
        // applied, refunded, bounced or taken as recovery.
        Money billed = sum(ledger.invoices.stream().map(Invoice::getTotal));
        Money standing = sum(ledger.payments.stream().filter(p -> !p.reversed).map(p -> p.amount));
        Money refunded = sum(ledger.payments.stream().filter(p -> !p.reversed).map(p -> p.refunded));
        Money recovered = sum(ledger.invoices.stream().map(Invoice::getRecovered));
        Money paid = Money.zero(EUR);
        for (int i = 0; i < ledger.invoices.size(); i++) {
            paid = paid.plus(ledger.paid(i));
        }
        Money settled = sum(ledger.invoices.stream().map(i -> i.getCredited().plus(i.getWrittenOff()))).plus(paid);
        assertThat(balance).isEqualTo(billed.minus(settled).minus(standing.minus(paid).minus(recovered).minus(refunded)));
        List<OpenItem> open = ledger.invoices.stream().filter(i -> i.getStatus().isOpen())
                .map(i -> OpenItem.of(i, ledger.today)).toList();
        Aging aging = AgingProbe.of(open, EUR);
        Money aged = aging.current().plus(aging.days1To30()).plus(aging.days31To60()).plus(aging.days61To90())
                .plus(aging.over90());
        assertThat(aged.minus(ledger.unapplied())).as("aging less unapplied credit").isEqualTo(balance);
    }

    private static java.util.Optional<PaidMoney> payment(Ledger ledger, int index) {
        return ledger.payments.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(ledger.payments.get(index % ledger.payments.size()));
    }

    private static java.util.Optional<Invoice> invoice(Ledger ledger, int index) {
        return ledger.invoices.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(ledger.invoices.get(index % ledger.invoices.size()));
    }

    private static Money sum(Stream<Money> amounts) {
        return amounts.reduce(Money.zero(EUR), Money::plus);
    }

    private static Money cents(long cents) {
        return Money.of(BigDecimal.valueOf(cents, 2), EUR);
    }
}
