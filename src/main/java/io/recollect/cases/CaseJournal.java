package io.recollect.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.recollect.customers.AccountSchedule;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Writes case events and marks the account changed in the same transaction, so the collection
 * run decides it again within a minute.
 */
@Component
class CaseJournal {

    private final CaseEvents events;
    private final CollectionCases cases;
    private final AccountSchedule schedule;
    private final Clock clock;
    private final NamedParameterJdbcTemplate jdbc;

    CaseJournal(CaseEvents events, CollectionCases cases, AccountSchedule schedule, Clock clock,
            NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.events = events;
        this.cases = cases;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Records the event against the customer's open case (if any) and marks the account to be decided again. */
    void changed(UUID customerId, CaseEventType type, String detail, String actor) {
        record(customerId, type, detail, actor);
        schedule.changed(customerId);
    }

    void record(UUID customerId, CaseEventType type, String detail, String actor) {
        UUID caseId = cases.findByOpenCustomerId(customerId).map(CollectionCase::getId).orElse(null);
        events.save(new CaseEvent(customerId, caseId, type, detail, actor, clock.instant()));
    }

    /** An event of a known case, as a batch of the run records it. */
    record Entry(UUID customerId, UUID caseId, CaseEventType type, String detail, String actor) {
    }

    /** A batch's events in one JDBC batch (a JPA save of an assigned id would read each row first). */
    void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.batchUpdate("insert into case_events (id, customer_id, case_id, type, detail, actor, occurred_at)"
                + " values (:id, :customerId, :caseId, :type, :detail, :actor, :at)", entries.stream()
                .map(e -> new MapSqlParameterSource("id", UUID.randomUUID()).addValue("customerId", e.customerId())
                        .addValue("caseId", e.caseId()).addValue("type", e.type().name())
                        .addValue("detail", e.detail().length() > 2000 ? e.detail().substring(0, 2000) : e.detail())
                        .addValue("actor", e.actor()).addValue("at", now))
                .toArray(SqlParameterSource[]::new));
    }

    Optional<CollectionCase> openCase(UUID customerId) {
        return cases.findByOpenCustomerId(customerId);
    }
}
