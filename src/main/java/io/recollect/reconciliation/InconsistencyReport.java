package io.recollect.reconciliation;

import io.recollect.reconciliation.Inconsistency.Kind;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.BusinessTime;
import io.recollect.shared.NotPermittedException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds what finance must correct in the ledger. A read-only report over payments, their
 * allocations and invoices: one query per kind of inconsistency, whatever the portfolio's size.
 */
@Service
public class InconsistencyReport {

    /** Allocations a reversal undid no longer pay anything. */
    private static final String ACTIVE_ALLOCATIONS = "select a.invoice_id, sum(a.amount) paid from payment_allocations a"
            + " join payments p on p.id = a.payment_id where a.reversed_at is null and p.reversed_at is null"
            + " and a.source <> 'RECOVERY' group by a.invoice_id";

    private final JdbcTemplate jdbc;
    private final ReconciliationProperties properties;
    private final BusinessTime businessTime;
    private final Clock clock;

    InconsistencyReport(JdbcTemplate jdbc, ReconciliationProperties properties, BusinessTime businessTime, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Inconsistency> find() {
        CurrentUser.get().filter(user -> !user.inAny(Roles.FINANCE, Roles.ADMIN)).ifPresent(user -> {
            throw new NotPermittedException("not-permitted", "Only finance reads the inconsistencies report");
        });
        List<Inconsistency> found = new ArrayList<>();
        found.addAll(duplicates());
        found.addAll(overpayments());
        found.addAll(paymentsOnSettledInvoices());
        found.addAll(oldUnappliedCash());
        found.addAll(openAmountMismatches());
        return found;
    }

    private List<Inconsistency> duplicates() {
        return jdbc.query("select p1.customer_id, p1.id first_id, p2.id second_id, p1.external_id first_ext,"
                + " p2.external_id second_ext, p1.amount, p1.currency, p1.received_on from payments p1"
                + " join payments p2 on p2.customer_id = p1.customer_id and p2.amount = p1.amount"
                + " and p2.currency = p1.currency and p2.received_on = p1.received_on and p2.id > p1.id"
                + " where p1.reversed_at is null and p2.reversed_at is null order by p1.received_on",
                (rs, i) -> new Inconsistency(Kind.DUPLICATE_PAYMENT, rs.getObject("customer_id", UUID.class),
                        List.of(rs.getObject("first_id", UUID.class), rs.getObject("second_id", UUID.class)), null,
                        rs.getBigDecimal("amount"), rs.getString("currency"),
                        "Payments " + rs.getString("first_ext") + " and " + rs.getString("second_ext")
                                + " are for the same amount on " + rs.getDate("received_on").toLocalDate(),
                        "If the money came once, reverse the second payment: POST /api/payments/"
                                + rs.getObject("second_id", UUID.class) + "/reversal"));
    }

    private List<Inconsistency> overpayments() {
        return jdbc.query("select p.customer_id, p.id, p.external_id, p.unapplied_amount, p.currency from payments p"
                + " where p.reversed_at is null and p.unapplied_amount > 0 and not exists (select 1 from invoices i"
                + " where i.customer_id = p.customer_id and i.status in ('ISSUED', 'PARTIALLY_PAID'))",
                (rs, i) -> new Inconsistency(Kind.OVERPAYMENT, rs.getObject("customer_id", UUID.class),
                        List.of(rs.getObject("id", UUID.class)), null, rs.getBigDecimal("unapplied_amount"),
                        rs.getString("currency"), "Payment " + rs.getString("external_id")
                                + " left credit and the account owes nothing",
                        "Refund the credit: POST /api/payments/" + rs.getObject("id", UUID.class)
                                + "/refunds, or leave it to pay the next invoice"));
    }

    private List<Inconsistency> paymentsOnSettledInvoices() {
        return jdbc.query("select i.customer_id, p.id, p.external_id, i.number, i.status, a.amount, p.currency"
                + " from payment_allocations a join payments p on p.id = a.payment_id"
                + " join invoices i on i.id = a.invoice_id where a.reversed_at is null and p.reversed_at is null"
                + " and i.status in ('CANCELLED', 'WRITTEN_OFF') and a.allocated_at >= i.settled_at"
                + " and a.source <> 'RECOVERY'",
                (rs, i) -> new Inconsistency(Kind.PAYMENT_ON_SETTLED_INVOICE, rs.getObject("customer_id", UUID.class),
                        List.of(rs.getObject("id", UUID.class)), rs.getString("number"), rs.getBigDecimal("amount"),
                        rs.getString("currency"), "Payment " + rs.getString("external_id") + " was allocated to invoice "
                                + rs.getString("number") + " after it was "
                                + rs.getString("status").toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        "Reverse the payment (POST /api/payments/" + rs.getObject("id", UUID.class)
                                + "/reversal) and record it again against what is owed"));
    }

    private List<Inconsistency> oldUnappliedCash() {
        Date before = Date.valueOf(businessTime.today(clock).minusDays(properties.unappliedOlderThanDays()));
        return jdbc.query("select p.customer_id, p.id, p.external_id, p.unapplied_amount, p.currency, p.received_on"
                + " from payments p where p.reversed_at is null and p.unapplied_amount > 0 and p.received_on < ?"
                + " order by p.received_on",
                (rs, i) -> new Inconsistency(Kind.OLD_UNAPPLIED_CASH, rs.getObject("customer_id", UUID.class),
                        List.of(rs.getObject("id", UUID.class)), null, rs.getBigDecimal("unapplied_amount"),
                        rs.getString("currency"), "Payment " + rs.getString("external_id") + " received "
                                + rs.getDate("received_on").toLocalDate() + " is still unapplied",
                        "Apply it to an invoice (POST /api/payments/" + rs.getObject("id", UUID.class)
                                + "/allocations) or refund it (POST /api/payments/" + rs.getObject("id", UUID.class)
                                + "/refunds)"), before);
    }

    private List<Inconsistency> openAmountMismatches() {
        return jdbc.query("select i.customer_id, i.number, i.currency, i.open_amount, i.total_amount"
                + " - i.credited_amount - i.written_off_amount - coalesce(paid.paid, 0) expected from invoices i"
                + " left join (" + ACTIVE_ALLOCATIONS + ") paid on paid.invoice_id = i.id where i.status <> 'DRAFT'"
                + " and i.open_amount <> i.total_amount - i.credited_amount - i.written_off_amount - coalesce(paid.paid, 0)",
                (rs, i) -> {
                    BigDecimal open = rs.getBigDecimal("open_amount");
                    BigDecimal expected = rs.getBigDecimal("expected");
                    return new Inconsistency(Kind.OPEN_AMOUNT_MISMATCH, rs.getObject("customer_id", UUID.class),
                            List.of(), rs.getString("number"), open.subtract(expected), rs.getString("currency"),
                            "Invoice " + rs.getString("number") + " shows " + open.toPlainString() + " open; its total"
                                    + " less credits, write-offs and allocations is " + expected.toPlainString(),
                            "Compare the invoice's allocations with its payments and correct the one that is wrong"
                                    + " (reverse or reallocate the payment)");
                });
    }
}
