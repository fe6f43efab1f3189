package io.recollect.reporting;

import io.recollect.cases.PromiseStatus;
import io.recollect.dunning.CommunicationStatus;
import io.recollect.reporting.Dashboard.AgingBucket;
import io.recollect.reporting.Dashboard.Count;
import io.recollect.reporting.Dashboard.CurrencyFigures;
import io.recollect.reporting.Dashboard.GroupTasks;
import io.recollect.reporting.Dashboard.WriteOffs;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.BusinessTime;
import io.recollect.shared.Money;
import io.recollect.shared.NotPermittedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the dashboard set-based: a fixed handful of aggregate queries whatever the portfolio's size, none
 * per account. Formulas: README, "Portfolio dashboard".
 */
@Service
public class DashboardService {

    /** Days past due per bucket: [from, to]; the last has no upper end. */
    static final int[][] BUCKETS = {{0, 0}, {1, 30}, {31, 60}, {61, 90}, {91, 120}, {121, -1}};
    private static final String[] BUCKET_LABELS = {"Not yet due", "1-30 days", "31-60 days", "61-90 days",
            "91-120 days", "Over 120 days"};
    private static final String RECEIVABLE = "status not in ('DRAFT', 'CANCELLED') and open_amount > 0";

    private final JdbcTemplate jdbc;
    private final BusinessTime businessTime;
    private final ReportingProperties properties;
    private final Clock clock;

    DashboardService(JdbcTemplate jdbc, BusinessTime businessTime, ReportingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.businessTime = businessTime;
        this.properties = properties;
        this.clock = clock;
    }

    /** The whole portfolio, or with {@code team} the customers assigned to that team and their cases' tasks. */
    @Transactional(readOnly = true)
    public Dashboard compute(String team) {
        CurrentUser.get().filter(user -> user.inAny(Roles.MANAGERS, Roles.FINANCE, Roles.ADMIN))
                .orElseThrow(() -> new NotPermittedException("dashboard-for-managers",
                        "The portfolio dashboard is for collection managers, finance and admins"));
        Instant now = clock.instant();
        LocalDate today = businessTime.today(clock);
        int days = properties.periodDays();
        LocalDate start = today.minusDays(days);
        // the period is (start, today]: "the last 90 days" including today
        OffsetDateTime startInstant = start.plusDays(1).atStartOfDay(businessTime.zone()).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        Scope scope = new Scope(team);
        List<Count[]> openCases = openCases(scope);
        return new Dashboard(today, start.plusDays(1), days, team, currencies(scope, today, start, days),
                promises(scope, startInstant), totals(openCases, 0), totals(openCases, 1),
                emails(scope, startInstant), tasks(scope, now), writeOffs(scope, startInstant));
    }

    /** A condition on a table's customer column, and its argument; true for the whole portfolio. */
    private record Scope(String team) {
        String on(String customerColumn) {
            return team == null ? " and 1 = 1" : " and " + customerColumn + " in (select id from customers where team = ?)";
        }

        Object[] args(Object... before) {
            if (team == null) {
                return before;
            }
            Object[] all = java.util.Arrays.copyOf(before, before.length + 1);
            all[before.length] = team;
            return all;
        }
    }

    private List<CurrencyFigures> currencies(Scope scope, LocalDate today, LocalDate start, int days) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal[]> amounts = new TreeMap<>();
        StringBuilder select = new StringBuilder("select currency");
        List<Object> args = new ArrayList<>();
        for (int[] bucket : BUCKETS) {
            // due_date within [today - to, today - from]: days past due within [from, to]
            String in = bucket[1] < 0 ? "due_date <= ?" : bucket[0] == 0 ? "due_date >= ?" : "due_date between ? and ?";
            select.append(", count(case when ").append(in).append(" then 1 end)")
                    .append(", coalesce(sum(case when ").append(in).append(" then open_amount end), 0)");
            List<Object> bounds = bucket[1] < 0 ? List.of(date(today.minusDays(bucket[0])))
                    : bucket[0] == 0 ? List.of(date(today))
                    : List.of(date(today.minusDays(bucket[1])), date(today.minusDays(bucket[0])));
            args.addAll(bounds);
            args.addAll(bounds);
        }
        select.append(" from invoices where ").append(RECEIVABLE).append(scope.on("customer_id")).append(" group by currency");
        jdbc.query(select.toString(), rs -> {
            long[] c = new long[BUCKETS.length];
            BigDecimal[] a = new BigDecimal[BUCKETS.length];
            for (int i = 0; i < BUCKETS.length; i++) {
                c[i] = rs.getLong(2 + 2 * i);
                a[i] = rs.getBigDecimal(3 + 2 * i);
            }
            counts.put(rs.getString(1), c);
            amounts.put(rs.getString(1), a);
        }, scope.args(args.toArray()));
        Map<String, BigDecimal> sales = sums("select currency, sum(total_amount) from invoices"
                + " where status not in ('DRAFT', 'CANCELLED') and issue_date > ? and issue_date <= ?"
                + scope.on("customer_id") + " group by currency", scope.args(date(start), date(today)));
        Map<String, BigDecimal> collections = sums("select p.currency, sum(a.amount) from payment_allocations a"
                + " join payments p on p.id = a.payment_id where p.received_on > ? and p.received_on <= ?"
                + scope.on("p.customer_id") + " group by p.currency", scope.args(date(start), date(today)));
        TreeSet<String> all = new TreeSet<>(amounts.keySet());
        all.addAll(sales.keySet());
        all.addAll(collections.keySet());
        List<CurrencyFigures> figures = new ArrayList<>();
        for (String code : all) {
            Currency currency = Currency.getInstance(code);
            long[] c = counts.getOrDefault(code, new long[BUCKETS.length]);
            BigDecimal[] a = amounts.getOrDefault(code, zeros());
            figures.add(figures(currency, c, a, sales.getOrDefault(code, BigDecimal.ZERO),
                    collections.getOrDefault(code, BigDecimal.ZERO), days));
        }
        return figures;
    }

    private static CurrencyFigures figures(Currency currency, long[] counts, BigDecimal[] amounts, BigDecimal sales,
            BigDecimal collected, int days) {
        List<AgingBucket> aging = new ArrayList<>();
        BigDecimal receivables = BigDecimal.ZERO;
        for (int i = 0; i < BUCKETS.length; i++) {
            aging.add(new AgingBucket(BUCKET_LABELS[i], BUCKETS[i][0], BUCKETS[i][1] < 0 ? null : BUCKETS[i][1],
                    counts[i], Money.of(amounts[i], currency)));
            receivables = receivables.add(amounts[i]);
        }
        BigDecimal current = amounts[0];
        BigDecimal overdue = receivables.subtract(current);
        BigDecimal dso = ratio(receivables.multiply(BigDecimal.valueOf(days)), sales);
        BigDecimal bestPossible = ratio(current.multiply(BigDecimal.valueOf(days)), sales);
        BigDecimal delinquent = dso == null ? null : dso.subtract(bestPossible);
        BigDecimal cei = ratio(collected.multiply(BigDecimal.valueOf(100)), collected.add(overdue));
        return new CurrencyFigures(currency.getCurrencyCode(), aging, Money.of(receivables, currency),
                Money.of(current, currency), Money.of(overdue, currency), Money.of(sales, currency),
                Money.of(collected, currency), dso, bestPossible, delinquent, cei);
    }

    /** A ratio to one decimal for display; null when there is nothing to divide by. */
    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, 1, RoundingMode.HALF_UP);
    }

    private Dashboard.Promises promises(Scope scope, OffsetDateTime since) {
        Map<PromiseStatus, Long> counts = countsBy(PromiseStatus.class, "select status, count(*) from promises"
                + " where (status = 'OPEN' or (status in ('KEPT', 'BROKEN') and resolved_at >= ?))"
                + scope.on("customer_id") + " group by status", scope.args(since));
        long kept = counts.getOrDefault(PromiseStatus.KEPT, 0L);
        long broken = counts.getOrDefault(PromiseStatus.BROKEN, 0L);
        long open = counts.getOrDefault(PromiseStatus.OPEN, 0L);
        return new Dashboard.Promises(kept, broken, open,
                ratio(BigDecimal.valueOf(kept * 100), BigDecimal.valueOf(kept + broken)));
    }

    /**
     * Open cases by the action, or the table row, of their latest decision (kept per case as each
     * decision is recorded); each case counts once.
     */
    private List<Count[]> openCases(Scope scope) {
        return jdbc.query("select action, rule, count(*) from (select coalesce(d.action, 'NOT_DECIDED') as action,"
                + " coalesce(d.table_name || ' row ' || cast(d.table_row as varchar(10)), 'not decided') as rule"
                + " from collection_cases c left join case_latest_decisions d on d.case_id = c.id"
                + " where c.status = 'OPEN'" + scope.on("c.customer_id") + ") cases group by action, rule",
                (rs, row) -> new Count[] {new Count(rs.getString(1), rs.getLong(3)), new Count(rs.getString(2), rs.getLong(3))},
                scope.args());
    }

    /** Counts by the action (0) or the rule (1), most first, then by name. */
    private static List<Count> totals(List<Count[]> byActionAndRule, int which) {
        Map<String, Long> totals = new TreeMap<>();
        byActionAndRule.forEach(pair -> totals.merge(pair[which].name(), pair[which].count(), Long::sum));
        return totals.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name)).toList();
    }

    private Dashboard.Emails emails(Scope scope, OffsetDateTime since) {
        // two ranges of one index (channel, status, sent_at) rather than an "or" that scans every email
        String unsent = java.util.Arrays.stream(CommunicationStatus.values()).filter(s -> s != CommunicationStatus.SENT)
                .map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "));
        Object[] args = scope.team() == null ? new Object[] {since} : new Object[] {since, scope.team(), scope.team()};
        Map<CommunicationStatus, Long> counts = countsBy(CommunicationStatus.class, "select status, count(*)"
                + " from communications where channel = 'EMAIL' and status = 'SENT' and sent_at >= ?"
                + scope.on("customer_id") + " group by status union all select status, count(*) from communications"
                + " where channel = 'EMAIL' and status in (" + unsent + ")" + scope.on("customer_id")
                + " group by status", args);
        return new Dashboard.Emails(counts.getOrDefault(CommunicationStatus.SENT, 0L),
                counts.getOrDefault(CommunicationStatus.FAILED, 0L), counts.getOrDefault(CommunicationStatus.QUEUED, 0L));
    }

    /**
     * The engine's open user tasks per candidate group; a task offered to two groups counts in both.
     * For a team, the tasks of its customers' collection cases (process business key: the case id).
     */
    private List<GroupTasks> tasks(Scope scope, Instant now) {
        String ofTeam = scope.team() == null ? "" : " join act_ru_execution e on e.id_ = t.proc_inst_id_"
                + " join collection_cases c on cast(c.id as varchar(36)) = e.business_key_"
                + " join customers k on k.id = c.customer_id and k.team = ?";
        return jdbc.query("select coalesce(i.group_id_, '(no group)') as grp, count(*),"
                + " count(case when t.due_date_ < ? then 1 end) from act_ru_task t" + ofTeam
                + " left join act_ru_identitylink i on i.task_id_ = t.id_ and i.type_ = 'candidate'"
                + " and i.group_id_ is not null group by coalesce(i.group_id_, '(no group)') order by grp",
                (rs, row) -> new GroupTasks(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                scope.team() == null ? new Object[] {java.sql.Timestamp.from(now)}
                        : new Object[] {java.sql.Timestamp.from(now), scope.team()});
    }

    /** Write-offs posted in the period, by reason (charity care apart from bad debt) and currency. */
    private List<WriteOffs> writeOffs(Scope scope, OffsetDateTime since) {
        return jdbc.query("select reason, currency, count(*), sum(posted_amount) from write_offs"
                + " where status = 'POSTED' and decided_at >= ?" + scope.on("customer_id")
                + " group by reason, currency order by reason, currency",
                (rs, row) -> new WriteOffs(rs.getString(1), rs.getLong(3),
                        Money.of(rs.getBigDecimal(4), Currency.getInstance(rs.getString(2)))), scope.args(since));
    }

    /** Row counts by a status column ("select status, count(*) ... group by status"). */
    private <S extends Enum<S>> Map<S, Long> countsBy(Class<S> status, String sql, Object... args) {
        Map<S, Long> counts = new EnumMap<>(status);
        jdbc.query(sql, rs -> {
            counts.put(Enum.valueOf(status, rs.getString(1)), rs.getLong(2));
        }, args);
        return counts;
    }

    private Map<String, BigDecimal> sums(String sql, Object... args) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        jdbc.query(sql, rs -> {
            sums.put(rs.getString(1), rs.getBigDecimal(2));
        }, args);
        return sums;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] zeros = new BigDecimal[BUCKETS.length];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static Date date(LocalDate day) {
        return Date.valueOf(day);
    }
}
