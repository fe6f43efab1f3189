package io.recollect.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox for people's work: rows written in the deciding transaction and carried out by
 * {@link CaseWorkDispatcher} after it, so a decision never waits on a case process and a
 * crash in between loses nothing.
 */
@Component
class CaseWorkQueue {

    /** One piece of work, as claimed. */
    record Item(UUID id, UUID caseId, UUID customerId, UUID decisionId, CaseWorkKind kind, String candidateGroup,
            int priority, Instant dueAt, int attempts, OffsetDateTime createdAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    CaseWorkQueue(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One piece of work as a decision asks for it. */
    record NewWork(UUID caseId, UUID customerId, UUID decisionId, CaseWorkKind kind, String candidateGroup,
            int priority, Instant dueAt) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(UUID caseId, UUID customerId, UUID decisionId, CaseWorkKind kind, String candidateGroup, int priority,
            Instant dueAt) {
        addAll(List.of(new NewWork(caseId, customerId, decisionId, kind, candidateGroup, priority, dueAt)));
    }

    /** A batch's work in one JDBC batch, in the order given (the order it is carried out in). */
    @Transactional(propagation = Propagation.MANDATORY)
    void addAll(List<NewWork> pieces) {
        if (pieces.isEmpty()) {
            return;
        }
        OffsetDateTime now = ts(clock.instant());
        SqlParameterSource[] rows = pieces.stream().map(piece -> new MapSqlParameterSource("id", UUID.randomUUID())
                .addValue("caseId", piece.caseId()).addValue("customerId", piece.customerId())
                .addValue("decisionId", piece.decisionId()).addValue("kind", piece.kind().name())
                .addValue("group", piece.candidateGroup()).addValue("priority", piece.priority())
                .addValue("dueAt", ts(piece.dueAt())).addValue("now", now)).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("insert into case_work (id, case_id, customer_id, decision_id, kind, candidate_group, priority,"
                + " due_at, status, attempts, created_at) values (:id, :caseId, :customerId, :decisionId, :kind,"
                + " :group, :priority, :dueAt, 'PENDING', 0, :now)", rows);
    }

    private static final String COLUMNS = "select id, case_id, customer_id, decision_id, kind, candidate_group, priority,"
            + " due_at, attempts, created_at from case_work";
    private static final RowMapper<Item> ITEM = (rs, n) -> new Item(rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
            CaseWorkKind.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7),
            instant(rs.getObject(8, OffsetDateTime.class)), rs.getInt(9), rs.getObject(10, OffsetDateTime.class));

    /** The oldest pending work not held by another transaction, locked for the caller's. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Item> claimNext() {
        return claim(1).stream().findFirst();
    }

    /** Up to {@code limit} of the oldest pending pieces not held by another transaction, oldest first, locked. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Item> claim(int limit) {
        return claim(limit, null);
    }

    /**
     * As {@link #claim(int)}, after {@code after} in the queue's order (created, then id): a pass
     * that claims chunk after chunk never walks again over the pieces it carried out (dead index
     * entries until the table is vacuumed). A piece it passed because another transaction held
     * it is still pending for the next pass.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Item> claim(int limit, Item after) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", ts(clock.instant())).addValue("limit", limit);
        String from = "";
        if (after != null) {
            from = " and created_at >= :after and (created_at > :after or id > :afterId)";
            params.addValue("after", after.createdAt()).addValue("afterId", after.id());
        }
        return jdbc.query(COLUMNS + " where status = 'PENDING' and (next_attempt_at is null or next_attempt_at <= :now)"
                + from + " order by created_at, id fetch first :limit rows only for update skip locked", params, ITEM);
    }

    /** This piece, if it is still pending and no other transaction holds it, locked for the caller's. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Item> claim(UUID id) {
        return jdbc.query(COLUMNS + " where id = :id and status = 'PENDING' for update skip locked", Map.of("id", id), ITEM)
                .stream().findFirst();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void done(UUID id) {
        doneAll(List.of(id));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void doneAll(List<UUID> ids) {
        OffsetDateTime now = ts(clock.instant());
        jdbc.batchUpdate("update case_work set status = 'DONE', done_at = :now where id = :id", ids.stream()
                .map(id -> new MapSqlParameterSource("id", id).addValue("now", now)).toArray(SqlParameterSource[]::new));
    }

    /** Pending pieces due now, for planning how many jobs carry them out. */
    @Transactional(readOnly = true)
    int countPending() {
        Integer count = jdbc.queryForObject("select count(*) from case_work where status = 'PENDING'"
                + " and (next_attempt_at is null or next_attempt_at <= :now)", Map.of("now", ts(clock.instant())),
                Integer.class);
        return count == null ? 0 : count;
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
