package io.recollect.plans;

import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The instalments of a plan, to the cent: the down payment on the day of the agreement, then
 * equal instalments rounded down to the currency's minor unit, the last one taking the remainder.
 * Refuses terms that cannot make a schedule, in words for the collector.
 */
public record PlanSchedule(Money balance, List<Instalment> instalments) {

    /** Instalments a plan may have at most, whatever the policy says (a guard against typos). */
    static final int MAX_INSTALMENTS = 120;

    /** @param seq 0 for the down payment */
    public record Instalment(int seq, LocalDate dueDate, Money amount) {
    }

    public static PlanSchedule of(Money balance, PlanTerms terms, LocalDate today) {
        var currency = balance.currency();
        if (!balance.isPositive()) {
            throw invalid("balance", "There is nothing overdue for a plan to pay off");
        }
        BigDecimal down = terms.downPayment() == null ? BigDecimal.ZERO : terms.downPayment();
        if (down.signum() < 0) {
            throw invalid("downPayment", "The down payment cannot be negative");
        }
        if (!Money.isExact(down, currency)) {
            throw invalid("downPayment", "The down payment has more decimals than " + currency + " has");
        }
        if (terms.instalments() < 1 || terms.instalments() > MAX_INSTALMENTS) {
            throw invalid("instalments", "The number of instalments must be between 1 and " + MAX_INSTALMENTS);
        }
        if (terms.frequency() == null) {
            throw invalid("frequency", "Choose how often the instalments fall due");
        }
        if (terms.firstDueDate() == null || !terms.firstDueDate().isAfter(today)) {
            throw invalid("firstDueDate", "The first instalment must fall due after today (" + today + ")");
        }
        Money downPayment = Money.of(down, currency);
        Money rest = balance.minus(downPayment);
        if (!rest.isPositive()) {
            throw invalid("downPayment", "The down payment must be less than the balance of " + balance.display());
        }
        int scale = currency.getDefaultFractionDigits();
        BigDecimal regular = rest.amount().divide(BigDecimal.valueOf(terms.instalments()), scale, RoundingMode.DOWN);
        if (regular.signum() <= 0) {
            throw invalid("instalments", "Too many instalments for " + rest.display());
        }
        List<Instalment> instalments = new ArrayList<>();
        if (downPayment.isPositive()) {
            instalments.add(new Instalment(0, today, downPayment));
        }
        Money scheduled = Money.zero(currency);
        for (int i = 1; i <= terms.instalments(); i++) {
            Money amount = i < terms.instalments() ? Money.of(regular, currency) : rest.minus(scheduled);
            scheduled = scheduled.plus(amount);
            instalments.add(new Instalment(i, terms.frequency().after(terms.firstDueDate(), i - 1), amount));
        }
        return new PlanSchedule(balance, List.copyOf(instalments));
    }

    /** A regular instalment (the last may be larger by the remainder). */
    public Money regularInstalment() {
        return instalments.stream().filter(i -> i.seq() == 1).findFirst().orElseThrow().amount();
    }

    public Money downPayment() {
        return instalments.stream().filter(i -> i.seq() == 0).map(Instalment::amount).findFirst()
                .orElse(Money.zero(balance.currency()));
    }

    public LocalDate lastDueDate() {
        return instalments.get(instalments.size() - 1).dueDate();
    }

    /** Whole months from {@code today} to the last instalment, rounded up. */
    public int termMonths(LocalDate today) {
        long months = ChronoUnit.MONTHS.between(today, lastDueDate());
        return (int) (today.plusMonths(months).isBefore(lastDueDate()) ? months + 1 : months);
    }

    private static BusinessRuleException invalid(String field, String message) {
        return new BusinessRuleException("invalid-plan-" + field, message);
    }
}
