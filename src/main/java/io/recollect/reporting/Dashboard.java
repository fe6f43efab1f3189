package io.recollect.reporting;

import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The portfolio on one page, as {@code GET /api/dashboard} returns it. Money figures are per
 * currency (never added across currencies); ratios are null where their denominator is zero.
 * {@code team} is null for the whole portfolio. README, "Portfolio dashboard", gives each formula.
 */
public record Dashboard(LocalDate today, LocalDate periodStart, int periodDays, String team,
        List<CurrencyFigures> currencies,
        Promises promises, List<Count> openCasesByAction, List<Count> openCasesByRule, Emails emails,
        List<GroupTasks> tasks, List<WriteOffs> writeOffsByReason) {

    /** Receivables and their ratios in one currency. */
    public record CurrencyFigures(String currency, List<AgingBucket> aging, Money receivables, Money current,
            Money overdue, Money creditSales, Money collections, BigDecimal dso, BigDecimal bestPossibleDso,
            BigDecimal averageDaysDelinquent, BigDecimal cei) {
    }

    /** Open receivables whose days past due lie in [fromDays, toDays] (toDays null: no upper end). */
    public record AgingBucket(String label, int fromDays, Integer toDays, long invoices, Money amount) {
    }

    /** Promises whose outcome was settled in the period; {@code keptRate} in percent. */
    public record Promises(long kept, long broken, long open, BigDecimal keptRate) {
    }

    public record Count(String name, long count) {
    }

    /** Emails sent in the period; failed and queued as they stand now. */
    public record Emails(long sent, long failed, long queued) {
    }

    /** Open user tasks offered to a candidate group, and those past their due date (the SLA). */
    public record GroupTasks(String group, long open, long pastSla) {
    }

    /** @param count write-offs posted */
    public record WriteOffs(String reason, long count, Money amount) {
    }
}
