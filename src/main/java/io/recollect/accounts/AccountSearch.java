package io.recollect.accounts;

import io.recollect.audit.CustomerAccess;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.rules.CollectionAction;
import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds customers and invoices for people: by name, reference, email or invoice number, and by
 * segment, aging bucket and what the case does now, a page at a time. Set-based (one query for
 * the page, one for the count); every customer a page shows is checked and logged like an opened
 * account, and a team-bound collector's search sees only their teams' customers and those of no team.
 */
@Service
public class AccountSearch {

    public static final int MAX_PAGE_SIZE = 100;

    private final JdbcTemplate jdbc;
    private final CustomerAccess access;
    private final Clock clock;

    AccountSearch(JdbcTemplate jdbc, CustomerAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** Days past due of a customer's oldest overdue open invoice, in the account page's buckets. */
    public enum AgingBucket {
        CURRENT(Integer.MIN_VALUE, 0), DAYS_1_30(1, 30), DAYS_31_60(31, 60), DAYS_61_90(61, 90),
        OVER_90(91, Integer.MAX_VALUE);

        final int from;
        final int to;

        AgingBucket(int from, int to) {
            this.from = from;
            this.to = to;
        }

        static AgingBucket of(long daysPastDue) {
            for (AgingBucket bucket : values()) {
                if (daysPastDue >= bucket.from && daysPastDue <= bucket.to) {
                    return bucket;
                }
            }
            return CURRENT;
        }
    }

    /** What to look for; every criterion may be null. */
    public record CustomerQuery(String text, Segment segment, AgingBucket agingBucket, CollectionAction caseAction) {
    }

    /**
     * A customer as a list shows it.
     *
     * @param daysPastDue of the oldest overdue open invoice, 0 when nothing is overdue
     * @param caseAction what the last decision of the open case chose, null without an open case
     */
    public record CustomerSummary(UUID id, String externalRef, String name, String email, String phone,
            Segment segment, RiskBand riskBand, String team, boolean hardship, Money openAmount, Money overdue,
            long daysPastDue, AgingBucket agingBucket, CollectionAction caseAction) {
    }

    public record InvoiceSummary(UUID id, String number, UUID customerId, String customerName,
            String customerRef, InvoiceStatus status, LocalDate dueDate, Money total, Money openAmount,
            long daysPastDue) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    @Transactional(readOnly = true)
    public Page<CustomerSummary> customers(CustomerQuery query, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        List<Object> args = new ArrayList<>(List.of(today, today));
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (query.text() != null && !query.text().isBlank()) {
            String text = query.text().trim().toLowerCase();
            where.append(" and (lower(c.name) like ? escape '\\' or lower(c.email) like ? escape '\\'"
                    + " or lower(c.external_ref) like ? escape '\\'"
                    + " or exists (select 1 from invoices n where n.customer_id = c.id and lower(n.number) = ?))");
            args.addAll(List.of("%" + like(text) + "%", like(text) + "%", like(text) + "%", text));
        }
        if (query.segment() != null) {
            where.append(" and c.segment = ?");
            args.add(query.segment().name());
        }
        if (query.agingBucket() == AgingBucket.CURRENT) {
            where.append(" and o.oldest_due is null");
        } else if (query.agingBucket() != null) {
            AgingBucket bucket = query.agingBucket();
            where.append(" and o.oldest_due is not null and o.oldest_due <= ?");
            args.add(today.minusDays(bucket.from));
            if (bucket.to != Integer.MAX_VALUE) {
                where.append(" and o.oldest_due >= ?");
                args.add(today.minusDays(bucket.to));
            }
        }
        if (query.caseAction() != null) {
            where.append(" and ").append(LAST_ACTION).append(" = ?");
            args.add(query.caseAction().name());
        }
        scope(where, args);
        String from = """
                 from customers c
                 left join (select customer_id, sum(open_amount) as open_total,
                                   sum(case when due_date < ? then open_amount else 0 end) as overdue,
                                   min(case when due_date < ? then due_date end) as oldest_due
                            from invoices where status in ('ISSUED', 'PARTIALLY_PAID') group by customer_id) o
                        on o.customer_id = c.id""" + where;
        long total = jdbc.queryForObject("select count(*) " + from, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<CustomerSummary> items = jdbc.query("""
                select c.id, c.external_ref, c.name, c.email, c.phone, c.segment, c.risk_band, c.team, c.hardship,
                       c.currency, o.open_total, o.overdue, o.oldest_due, """ + LAST_ACTION + " as case_action "
                + from + " order by coalesce(o.overdue, 0) desc, c.name, c.id limit ? offset ?", (rs, n) -> {
            Currency currency = Currency.getInstance(rs.getString("currency"));
            LocalDate oldest = rs.getObject("oldest_due", LocalDate.class);
            long days = oldest == null ? 0 : ChronoUnit.DAYS.between(oldest, today);
            String action = rs.getString("case_action");
            return new CustomerSummary(rs.getObject("id", UUID.class), rs.getString("external_ref"),
                    rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                    Segment.valueOf(rs.getString("segment")), RiskBand.valueOf(rs.getString("risk_band")),
                    rs.getString("team"), rs.getBoolean("hardship"), money(rs.getBigDecimal("open_total"), currency),
                    money(rs.getBigDecimal("overdue"), currency), days, AgingBucket.of(days),
                    action == null ? null : CollectionAction.valueOf(action));
        }, pageArgs.toArray());
        items.forEach(item -> access.check(item.id(), item.team()));
        return new Page<>(items, page, size, total);
    }

    /** Invoices whose number starts with the text (all when null), of one customer when given, newest due first. */
    @Transactional(readOnly = true)
    public Page<InvoiceSummary> invoices(String number, UUID customerId, InvoiceStatus status, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (number != null && !number.isBlank()) {
            where.append(" and lower(i.number) like ? escape '\\'");
            args.add(like(number.trim().toLowerCase()) + "%");
        }
        if (customerId != null) {
            where.append(" and i.customer_id = ?");
            args.add(customerId);
        }
        if (status != null) {
            where.append(" and i.status = ?");
            args.add(status.name());
        }
        scope(where, args);
        String from = " from invoices i join customers c on c.id = i.customer_id" + where;
        long total = jdbc.queryForObject("select count(*)" + from, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<InvoiceSummary> items = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        jdbc.query("select i.id, i.number, i.customer_id, c.name, c.external_ref, c.team, i.status, i.due_date,"
                + " i.currency, i.total_amount, i.open_amount" + from
                + " order by i.due_date desc, i.number limit ? offset ?", rs -> {
            Currency currency = Currency.getInstance(rs.getString("currency"));
            InvoiceStatus invoiceStatus = InvoiceStatus.valueOf(rs.getString("status"));
            LocalDate due = rs.getObject("due_date", LocalDate.class);
            long days = invoiceStatus.isOpen() && due.isBefore(today) ? ChronoUnit.DAYS.between(due, today) : 0;
            items.add(new InvoiceSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                    rs.getObject("customer_id", UUID.class), rs.getString("name"), rs.getString("external_ref"),
                    invoiceStatus, due, money(rs.getBigDecimal("total_amount"), currency),
                    money(rs.getBigDecimal("open_amount"), currency), days));
            teams.add(rs.getString("team"));
        }, pageArgs.toArray());
        for (int i = 0; i < items.size(); i++) {
            access.check(items.get(i).customerId(), teams.get(i));
        }
        return new Page<>(items, page, size, total);
    }

    /** The action of the open case's last decision. */
    private static final String LAST_ACTION = "(select d.action from decision_records d"
            + " join collection_cases k on k.id = d.case_id and k.open_customer_id = c.id"
            + " where d.customer_id = c.id order by d.decided_at desc, d.id limit 1)";

    private void scope(StringBuilder where, List<Object> args) {
        access.visibleTeams().ifPresent(teams -> {
            where.append(" and (c.team is null");
            if (!teams.isEmpty()) {
                where.append(" or c.team in (").append(String.join(", ", teams.stream().map(t -> "?").toList()))
                        .append(")");
                args.addAll(teams);
            }
            where.append(")");
        });
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount == null ? BigDecimal.ZERO : amount, currency);
    }

}
