package io.recollect.customers;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable "decide me at" mark every account with open debt carries. Whatever changes an
 * account marks it in its own transaction; the collection run claims marked accounts with
 * {@code FOR UPDATE SKIP LOCKED}, so nodes never take the same account and a dead node's claim
 * ends with its connection. Nothing depends on an event arriving.
 */
@Service
public class AccountSchedule {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    AccountSchedule(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Something about the account changed: decide it within a minute. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(UUID customerId) {
        jdbc.update("update customers set changed_at = coalesce(changed_at, :now) where id = :id",
                new MapSqlParameterSource("id", customerId).addValue("now", ts(clock.instant())));
    }

    /** Decide the account no later than {@code at} (an invoice falling due, say). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decideBy(UUID customerId, Instant at) {
        jdbc.update("update customers set decide_at = case when decide_at is null or decide_at > :at then :at"
                + " else decide_at end where id = :id", new MapSqlParameterSource("id", customerId).addValue("at", ts(at)));
    }

    /** Many accounts at once: decide each no later than its instant (see {@link #decideBy}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decideAllBy(Map<UUID, Instant> byCustomer) {
        jdbc.batchUpdate("update customers set decide_at = case when decide_at is null or decide_at > :at then :at"
                + " else decide_at end where id = :id", byCustomer.entrySet().stream()
                .map(e -> new MapSqlParameterSource("id", e.getKey()).addValue("at", ts(e.getValue())))
                .toArray(SqlParameterSource[]::new));
    }

    /** Changed accounts, locked for the caller's transaction; accounts another transaction holds are skipped. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> claimChanged(Instant upTo, int limit) {
        return jdbc.queryForList("select id from customers where changed_at <= :upTo order by changed_at"
                + " fetch first :limit rows only for update skip locked",
                new MapSqlParameterSource("upTo", ts(upTo)).addValue("limit", limit), UUID.class);
    }

    /** Accounts due by {@code cutoff}, scheduled or changed, locked for the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> claimDue(Instant cutoff, int limit) {
        return jdbc.queryForList("select id from customers where decide_at <= :cutoff or changed_at <= :cutoff"
                + " fetch first :limit rows only for update skip locked",
                new MapSqlParameterSource("cutoff", ts(cutoff)).addValue("limit", limit), UUID.class);
    }

    @Transactional(readOnly = true)
    public int countDue(Instant cutoff) {
        Integer count = jdbc.queryForObject("select count(*) from customers where decide_at <= :cutoff"
                + " or changed_at <= :cutoff", Map.of("cutoff", ts(cutoff)), Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * The claimed accounts were decided: clear the change mark and set the next scheduled
     * decision (null: nothing is open, nothing to decide until something changes).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decided(Map<UUID, Instant> nextDecision) {
        OffsetDateTime now = ts(clock.instant());
        SqlParameterSource[] rows = nextDecision.entrySet().stream()
                .map(e -> new MapSqlParameterSource("id", e.getKey()).addValue("next", ts(e.getValue()))
                        .addValue("now", now))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("update customers set changed_at = null, decide_at = :next, decided_at = :now where id = :id",
                rows);
    }

    /** When the account is next due, for reading (the account page, tests). */
    @Transactional(readOnly = true)
    public Marks marks(UUID customerId) {
        return jdbc.queryForObject("select decide_at, changed_at, decided_at from customers where id = :id",
                Map.of("id", customerId), (rs, n) -> new Marks(instant(rs.getObject(1, OffsetDateTime.class)),
                        instant(rs.getObject(2, OffsetDateTime.class)), instant(rs.getObject(3, OffsetDateTime.class))));
    }

    /** The account's marks: next scheduled decision, pending change, last decision. */
    public record Marks(Instant decideAt, Instant changedAt, Instant decidedAt) {
    }

    /** Offset values in UTC: the same instant on H2 and PostgreSQL, whatever the JVM's zone. */
    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
