package io.recollect.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The champion and the challenger side by side over a period (both days included). An account
 * belongs to the challenger when the challenger decided it at least once in the period, else to
 * the champion when the champion decided it; it is never in both.
 *
 * @param arms CHAMPION first, then CHALLENGER; an arm that decided nobody shows zeros
 */
public record ArmComparison(String table, LocalDate from, LocalDate to, List<Figures> arms) {

    /**
     * @param accounts          accounts the arm decided in the period
     * @param collected         by currency: what their payments received in the period paid
     * @param accountsPaid      accounts with a payment after the arm's first decision for them
     * @param averageDaysToPay  days from the arm's first decision to that payment, on average; null when none paid
     * @param promisesKept      promises recorded in the period that were kept
     * @param promisesBroken    promises recorded in the period that were broken
     * @param promisesOpen      promises recorded in the period not yet due or settled
     * @param promisesKeptPercent kept of kept and broken, in percent to one decimal; null when none was settled
     */
    public record Figures(Arm arm, long accounts, List<Collected> collected, long accountsPaid,
            BigDecimal averageDaysToPay, long promisesKept, long promisesBroken, long promisesOpen,
            BigDecimal promisesKeptPercent) {
    }

    /**
     * @param collected      paid by the arm's accounts in the period, at the currency's minor unit
     * @param stillOpen      what the arm's accounts owe today
     * @param sharePercent   collected of (collected + still open), in percent to one decimal: the share of
     *                       their balance the period collected
     */
    public record Collected(String currency, BigDecimal collected, BigDecimal stillOpen, BigDecimal sharePercent) {
    }
}
