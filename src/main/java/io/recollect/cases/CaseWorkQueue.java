package io.recollect.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox for people's work: rows written in the deciding transaction and carried out by
 * {@link CaseWorkDispatcher} one at a time, so a decision never waits on a case process and a
 * crash in between loses nothing.
 */
@Component
class CaseWorkQueue {

    /** One piece of work, as claimed. */
    record Item(UUID id, UUID caseId, UUID customerId, UUID decisionId, CaseWorkKind kind, String candidateGroup,
            int priority, Instant dueAt, int attempts) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    CaseWorkQueue(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(UUID caseId, UUID customerId, UUID decisionId, CaseWorkKind kind, String candidateGroup, int priority,
            Instant dueAt) {
        jdbc.update("insert into case_work (id, case_id, customer_id, decision_id, kind, candidate_group, priority,"
                + " due_at, status, attempts, created_at) values (:id, :caseId, :customerId, :decisionId, :kind,"
                + " :group, :priority, :dueAt, 'PENDING', 0, :now)", new MapSqlParameterSource("id", UUID.randomUUID())
                .addValue("caseId", caseId).addValue("customerId", customerId).addValue("decisionId", decisionId)
                .addValue("kind", kind.name()).addValue("group", candidateGroup).addValue("priority", priority)
                .addValue("dueAt", ts(dueAt)).addValue("now", ts(clock.instant())));
    }

    /** The oldest pending work not held by another transaction, locked for the caller's. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Item> claimNext() {
        return jdbc.query("select id, case_id, customer_id, decision_id, kind, candidate_group, priority, due_at,"
                + " attempts from case_work where status = 'PENDING' and (next_attempt_at is null or next_attempt_at <= :now)"
                + " order by created_at fetch first 1 rows only for update skip locked",
                Map.of("now", ts(clock.instant())), (rs, n) -> new Item(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), CaseWorkKind.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7),
                        instant(rs.getObject(8, OffsetDateTime.class)), rs.getInt(9)))
                .stream().findFirst();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void done(UUID id) {
        jdbc.update("update case_work set status = 'DONE', done_at = :now where id = :id",
                new MapSqlParameterSource("id", id).addValue("now", ts(clock.instant())));
    }

    /**
     * A failed attempt: counted and tried again after {@code retryAfter}; after {@code maxAttempts}
     * the work is parked as FAILED for an operator.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(UUID id, String error, int maxAttempts, java.time.Duration retryAfter) {
        jdbc.update("update case_work set attempts = attempts + 1, last_error = :error, next_attempt_at = :retryAt,"
                + " status = case when attempts + 1 >= :max then 'FAILED' else status end where id = :id",
                new MapSqlParameterSource("id", id).addValue("max", maxAttempts)
                        .addValue("retryAt", ts(clock.instant().plus(retryAfter)))
                        .addValue("error", error == null ? null : error.substring(0, Math.min(error.length(), 1000))));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
