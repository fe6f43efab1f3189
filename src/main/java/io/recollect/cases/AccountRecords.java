package io.recollect.cases;

import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the account page shows of a customer's promises, disputes and pauses, newest first. Read
 * only; callers have checked access to the customer (the account service does).
 */
@Service
public class AccountRecords {

    private final JdbcTemplate jdbc;

    AccountRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A promise to pay; {@code received} is what was paid towards it. */
    public record PromiseRecord(UUID id, LocalDate promisedDate, Money amount, Money received, PromiseStatus status,
            String recordedBy, Instant recordedAt) {
    }

    public record DisputeRecord(UUID id, UUID invoiceId, String invoiceNumber, String reason, DisputeStatus status,
            String raisedBy, Instant raisedAt, String resolvedBy, String resolutionNote) {
    }

    /** A dunning pause; {@code invoiceNumber} null when the whole account is paused. */
    public record PauseRecord(UUID id, UUID invoiceId, String invoiceNumber, String reason, LocalDate until,
            String pausedBy, Instant pausedAt, Instant endedAt) {

        public boolean active() {
            return endedAt == null;
        }
    }

    @Transactional(readOnly = true)
    public List<PromiseRecord> promises(UUID customerId) {
        return jdbc.query("""
                select id, promised_date, amount, received_amount, currency, status, recorded_by, recorded_at
                from promises where customer_id = ? order by recorded_at desc""", (rs, n) -> {
            Currency currency = Currency.getInstance(rs.getString("currency"));
            return new PromiseRecord(rs.getObject("id", UUID.class), rs.getObject("promised_date", LocalDate.class),
                    money(rs.getBigDecimal("amount"), currency), money(rs.getBigDecimal("received_amount"), currency),
                    PromiseStatus.valueOf(rs.getString("status")), rs.getString("recorded_by"),
                    instant(rs.getTimestamp("recorded_at")));
        }, customerId);
    }

    @Transactional(readOnly = true)
    public List<DisputeRecord> disputes(UUID customerId) {
        return jdbc.query("""
                select d.id, d.invoice_id, i.number, d.reason, d.status, d.raised_by, d.raised_at, d.resolved_by,
                       d.resolution_note
                from disputes d join invoices i on i.id = d.invoice_id
                where d.customer_id = ? order by d.raised_at desc""", (rs, n) -> new DisputeRecord(
                rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class), rs.getString("number"),
                rs.getString("reason"), DisputeStatus.valueOf(rs.getString("status")), rs.getString("raised_by"),
                instant(rs.getTimestamp("raised_at")), rs.getString("resolved_by"), rs.getString("resolution_note")),
                customerId);
    }

    @Transactional(readOnly = true)
    public List<PauseRecord> pauses(UUID customerId) {
        return jdbc.query("""
                select p.id, p.invoice_id, i.number, p.reason, p.paused_until, p.paused_by, p.paused_at, p.ended_at
                from dunning_pauses p left join invoices i on i.id = p.invoice_id
                where p.customer_id = ? order by p.paused_at desc""", (rs, n) -> new PauseRecord(
                rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class), rs.getString("number"),
                rs.getString("reason"), rs.getObject("paused_until", LocalDate.class), rs.getString("paused_by"),
                instant(rs.getTimestamp("paused_at")), instant(rs.getTimestamp("ended_at"))), customerId);
    }

    /** The business keys of the customer's processes: its cases' ids and its disputes' ids. */
    @Transactional(readOnly = true)
    public List<String> processKeys(UUID customerId) {
        return jdbc.queryForList("""
                select cast(id as varchar(36)) from collection_cases where customer_id = ?
                union all select cast(id as varchar(36)) from disputes where customer_id = ?""", String.class,
                customerId, customerId);
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
