package io.recollect.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.accounts.Aging;
import io.recollect.accounts.AgingProbe;
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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger's money invariants under random sequences of issue, pay (oldest first), partial pay,
 * credit note, write-off (part or all of an invoice, asked for more than is open) and recovery, on
 * the domain objects themselves, to the cent. Payments are modelled as the payments module
 * allocates them: to open invoices, a named written-off invoice as recovery, the rest unapplied.
 */
class MoneyInvariantsPropertyTests {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate DAY_ONE = LocalDate.of(2026, 3, 2);

    sealed interface Step permits Issue, PayOldestFirst, PayInvoice, Credit, WriteOff, Recover, PassDays {
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
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 9);
        Arbitrary<Step> step = Arbitraries.oneOf(
                cents.flatMap(c -> Arbitraries.integers().between(-90, 60).map(d -> (Step) new Issue(c, d))),
                cents.map(PayOldestFirst::new),
                index.flatMap(i -> cents.map(c -> (Step) new PayInvoice(i, c))),
                index.flatMap(i -> Arbitraries.integers().between(1, 100).map(p -> (Step) new Credit(i, p))),
                index.flatMap(i -> cents.map(c -> (Step) new WriteOff(i, c))),
                index.flatMap(i -> cents.map(c -> (Step) new Recover(i, c))),
                Arbitraries.integers().between(1, 45).map(PassDays::new));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    /** What the model knows besides the invoices: paid per invoice, and the customer's money. */
    static final class Ledger {
        final List<Invoice> invoices = new ArrayList<>();
        final List<Money> paid = new ArrayList<>();
        Money received = Money.zero(EUR);
        Money applied = Money.zero(EUR);
        Money recovered = Money.zero(EUR);
        LocalDate today = DAY_ONE;
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        Money unapplied() {
            return received.minus(applied).minus(recovered);
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
            ledger.paid.add(Money.zero(EUR));
        } else if (step instanceof PayOldestFirst pay) {
            Money left = cents(pay.cents());
            ledger.received = ledger.received.plus(left);
            List<Invoice> open = ledger.invoices.stream().filter(i -> i.getStatus().isOpen())
                    .sorted(Comparator.comparing(Invoice::getDueDate)).toList();
            for (Invoice invoice : open) {
                if (left.isZero()) {
                    break;
                }
                Money taken = invoice.applyPayment(left, ledger.now);
                recordPaid(ledger, invoice, taken);
                left = left.minus(taken);
            }
        } else if (step instanceof PayInvoice pay) {
            invoice(ledger, pay.invoice()).ifPresent(invoice -> {
                Money amount = cents(pay.cents());
                if (invoice.getStatus().isOpen()) {
                    ledger.received = ledger.received.plus(amount);
                    recordPaid(ledger, invoice, invoice.applyPayment(amount, ledger.now));
                }
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
                Money amount = cents(recover.cents());
                Money open = i.getOpenAmount();
                Money taken = i.recover(amount);
                assertThat(i.getOpenAmount()).as("a recovery reopens nothing").isEqualTo(open);
                ledger.received = ledger.received.plus(amount);
                ledger.recovered = ledger.recovered.plus(taken);
            });
        } else if (step instanceof PassDays pass) {
            ledger.today = ledger.today.plusDays(pass.days());
            ledger.now = ledger.now.plusSeconds(86_400L * pass.days());
        }
    }

    private static void check(Ledger ledger) {
        Money openTotal = Money.zero(EUR);
        for (int i = 0; i < ledger.invoices.size(); i++) {
            Invoice invoice = ledger.invoices.get(i);
            assertThat(invoice.getOpenAmount().amount().signum()).as("open amount of %s", invoice.getNumber())
                    .isGreaterThanOrEqualTo(0);
            assertThat(ledger.paid.get(i).plus(invoice.getCredited()).plus(invoice.getWrittenOff())
                    .plus(invoice.getOpenAmount())).as("total of %s", invoice.getNumber()).isEqualTo(invoice.getTotal());
            assertThat(invoice.getRecovered()).isLessThanOrEqualTo(invoice.getWrittenOff());
            assertThat(invoice.getStatus().isOpen()).isEqualTo(invoice.getOpenAmount().isPositive());
            openTotal = openTotal.plus(invoice.getOpenAmount());
        }
        assertThat(ledger.unapplied().amount().signum()).as("unapplied credit").isGreaterThanOrEqualTo(0);
        Money balance = openTotal.minus(ledger.unapplied());
        // Independently: what was billed, less what was settled any way, less money not yet applied.
        Money billed = sum(ledger.invoices.stream().map(Invoice::getTotal));
        Money settled = sum(ledger.invoices.stream().map(i -> i.getCredited().plus(i.getWrittenOff())))
                .plus(ledger.applied);
        assertThat(balance).isEqualTo(billed.minus(settled).minus(ledger.received.minus(ledger.applied)
                .minus(ledger.recovered)));
        List<OpenItem> open = ledger.invoices.stream().filter(i -> i.getStatus().isOpen())
                .map(i -> OpenItem.of(i, ledger.today)).toList();
        Aging aging = AgingProbe.of(open, EUR);
        Money aged = aging.current().plus(aging.days1To30()).plus(aging.days31To60()).plus(aging.days61To90())
                .plus(aging.over90());
        assertThat(aged.minus(ledger.unapplied())).as("aging less unapplied credit").isEqualTo(balance);
    }

    private static void recordPaid(Ledger ledger, Invoice invoice, Money taken) {
        int index = ledger.invoices.indexOf(invoice);
        ledger.paid.set(index, ledger.paid.get(index).plus(taken));
        ledger.applied = ledger.applied.plus(taken);
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
