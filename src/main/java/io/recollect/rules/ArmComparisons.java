package io.recollect.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.recollect.shared.BusinessTime;
import io.recollect.shared.InvalidFieldException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares a table's champion and challenger over a period, set-based: a handful of grouped
 * queries over the period's decisions, whatever the number of accounts. Like the dashboard, it
 * reads the payments, invoices and promises tables it reports on without writing them.
 */
@Service
public class ArmComparisons {

    /** A period longer than this is refused: the report reads every decision in it. */
    static final int MAX_DAYS = 400;

    /**
     * Each account once, with its arm: CHALLENGER when the challenger decided it at least once in
     * the period, and the moment its arm first decided it.
     */
    private static final String ACCOUNTS = "with decided as (select customer_id,"
            + " max(case when arm = 'CHALLENGER' then 1 else 0 end) as challenged from decision_records"
            + " where table_name = ? and decided_at >= ? and decided_at < ? group by customer_id),"
            + " accounts as (select d.customer_id, d.arm, min(d.decided_at) as entered_at from decision_records d"
            + " join decided x on x.customer_id = d.customer_id"
            + " where d.table_name = ? and d.decided_at >= ? and d.decided_at < ?"
            + " and d.arm = case when x.challenged = 1 then 'CHALLENGER' else 'CHAMPION' end"
            + " group by d.customer_id, d.arm) ";

    private final RuleTableService tables;
    private final JdbcTemplate jdbc;
    private final BusinessTime businessTime;
    private final Clock clock;

    ArmComparisons(RuleTableService tables, JdbcTemplate jdbc, BusinessTime businessTime, Clock clock) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /**
     * @param from first day, or null for the day the latest challenger started (30 days ago if none ever ran)
     * @param to   last day, or null for today
     */
    @Transactional(readOnly = true)
    public ArmComparison compare(String table, LocalDate from, LocalDate to) {
        tables.definition(table);
        if (to == null) {
            to = businessTime.today(clock);
        }
        if (from == null) {
            from = jdbc.query("select max(started_at) from rule_table_challengers where table_name = ?",
                    rs -> rs.next() && rs.getTimestamp(1) != null ? businessTime.dayOf(rs.getTimestamp(1).toInstant())
                            : null, table);
            from = from == null || from.isAfter(to) ? to.minusDays(30) : from;
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "The period ends before it starts");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new InvalidFieldException("from", "Compare at most " + MAX_DAYS + " days at a time");
        }
        Object[] period = {table, start(from), start(to.plusDays(1)), table, start(from), start(to.plusDays(1))};
        Map<Arm, long[]> counts = new EnumMap<>(Arm.class);
        for (Arm arm : Arm.values()) {
            // accounts, paid, days to pay summed, kept, broken, open
            counts.put(arm, new long[6]);
        }
        jdbc.query(ACCOUNTS + "select arm, count(*) from accounts group by arm",
                rs -> { counts.get(Arm.valueOf(rs.getString(1)))[0] = rs.getLong(2); }, period);
        // The first payment each account made after its arm first decided it.
        jdbc.query(ACCOUNTS + "select a.arm, a.entered_at, min(p.received_on) from accounts a join payments p"
                + " on p.customer_id = a.customer_id where p.reversed_at is null and p.recorded_at >= a.entered_at"
                + " and p.received_on <= ? group by a.customer_id, a.arm, a.entered_at", rs -> {
                    long[] c = counts.get(Arm.valueOf(rs.getString(1)));
                    LocalDate decided = businessTime.dayOf(rs.getTimestamp(2).toInstant());
                    c[1]++;
                    c[2] += Math.max(0, ChronoUnit.DAYS.between(decided, rs.getDate(3).toLocalDate()));
                }, append(period, java.sql.Date.valueOf(to)));
        // promises kept, broken, and still open or otherwise ended, per arm
        jdbc.query(ACCOUNTS + "select a.arm, sum(case when r.status = 'KEPT' then 1 else 0 end),"
                + " sum(case when r.status = 'BROKEN' then 1 else 0 end),"
                + " sum(case when r.status in ('KEPT', 'BROKEN') then 0 else 1 end)"
                + " from accounts a join promises r on r.customer_id = a.customer_id"
                + " where r.recorded_at >= ? and r.recorded_at < ? group by a.arm", rs -> {
                    long[] c = counts.get(Arm.valueOf(rs.getString(1)));
                    c[3] = rs.getLong(2);
                    c[4] = rs.getLong(3);
                    c[5] = rs.getLong(4);
                }, append(append(period, start(from)), start(to.plusDays(1))));
        Map<Arm, Map<String, BigDecimal[]>> money = collected(period, from, to);
        List<ArmComparison.Figures> arms = new ArrayList<>();
        for (Arm arm : Arm.values()) {
            long[] c = counts.get(arm);
            List<ArmComparison.Collected> collected = money.getOrDefault(arm, Map.of()).entrySet().stream()
                    .map(e -> collected(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
            arms.add(new ArmComparison.Figures(arm, c[0], collected, c[1],
                    c[1] == 0 ? null : BigDecimal.valueOf(c[2]).divide(BigDecimal.valueOf(c[1]), 1, RoundingMode.HALF_UP),
                    c[3], c[4], c[5], percent(c[3], c[3] + c[4])));
        }
        return new ArmComparison(table, from, to, arms);
    }

    /** By arm and currency: [paid in the period, still open today]. */
    private Map<Arm, Map<String, BigDecimal[]>> collected(Object[] period, LocalDate from, LocalDate to) {
        Map<Arm, Map<String, BigDecimal[]>> money = new EnumMap<>(Arm.class);
        jdbc.query(ACCOUNTS + "select a.arm, p.currency, sum(l.amount) from accounts a join payments p"
                + " on p.customer_id = a.customer_id join payment_allocations l on l.payment_id = p.id"
                + " where p.reversed_at is null and l.reversed_at is null and p.received_on between ? and ?"
                + " group by a.arm, p.currency", rs -> {
                    amounts(money, rs.getString(1), rs.getString(2))[0] = rs.getBigDecimal(3);
                }, append(append(period, java.sql.Date.valueOf(from)), java.sql.Date.valueOf(to)));
        jdbc.query(ACCOUNTS + "select a.arm, i.currency, sum(i.open_amount) from accounts a join invoices i"
                + " on i.customer_id = a.customer_id where i.status not in ('DRAFT', 'CANCELLED') and i.open_amount > 0"
                + " group by a.arm, i.currency", rs -> {
                    amounts(money, rs.getString(1), rs.getString(2))[1] = rs.getBigDecimal(3);
                }, period);
        return money;
    }

    private static BigDecimal[] amounts(Map<Arm, Map<String, BigDecimal[]>> money, String arm, String currency) {
        return money.computeIfAbsent(Arm.valueOf(arm), a -> new TreeMap<>())
                .computeIfAbsent(currency, c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private static ArmComparison.Collected collected(String currency, BigDecimal paid, BigDecimal open) {
        // Stored amounts are at the minor unit already: UNNECESSARY says so, and fails rather than round.
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal collected = paid.setScale(digits, RoundingMode.UNNECESSARY);
        BigDecimal stillOpen = open.setScale(digits, RoundingMode.UNNECESSARY);
        BigDecimal balance = collected.add(stillOpen);
        return new ArmComparison.Collected(currency, collected, stillOpen, balance.signum() == 0 ? null
                : collected.multiply(BigDecimal.valueOf(100)).divide(balance, 1, RoundingMode.HALF_UP));
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(businessTime.zone()).toInstant());
    }

    private static Object[] append(Object[] args, Object arg) {
        Object[] more = java.util.Arrays.copyOf(args, args.length + 1);
        more[args.length] = arg;
        return more;
    }
}
