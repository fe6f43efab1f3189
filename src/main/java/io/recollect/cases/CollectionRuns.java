package io.recollect.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/** The collection_runs table. */
@Component
class CollectionRuns {

    private final NamedParameterJdbcTemplate jdbc;

    CollectionRuns(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a run; a daily run whose day another node already started is refused (false). */
    boolean insert(UUID id, String kind, LocalDate dailyDate, String startedBy, Instant startedAt, Instant cutoff,
            int accountsDue) {
        try {
            jdbc.update("insert into collection_runs (id, kind, daily_date, status, started_by, started_at, cutoff,"
                    + " accounts_due, decided, emails_queued, emails_sent, tasks_created, failed_batches)"
                    + " values (:id, :kind, :day, 'RUNNING', :by, :at, :cutoff, :due, 0, 0, 0, 0, 0)",
                    new MapSqlParameterSource("id", id).addValue("kind", kind).addValue("day", dailyDate)
                            .addValue("by", startedBy).addValue("at", ts(startedAt)).addValue("cutoff", ts(cutoff))
                            .addValue("due", accountsDue));
            return true;
        } catch (DuplicateKeyException anotherNodeStartedIt) {
            return false;
        }
    }

    boolean dailyRunExists(LocalDate day) {
        Integer n = jdbc.queryForObject("select count(*) from collection_runs where daily_date = :day",
                Map.of("day", day), Integer.class);
        return n != null && n > 0;
    }

    /** Adds a chunk's counts to the run as a row of its own, so chunks never wait on one another. */
    void add(UUID id, int decided, int emailsQueued, int tasksCreated) {
        if (decided == 0 && emailsQueued == 0 && tasksCreated == 0) {
            return;
        }
        jdbc.update("insert into collection_run_counts (run_id, decided, emails_queued, tasks_created)"
                + " values (:id, :decided, :queued, :tasks)",
                new MapSqlParameterSource("id", id).addValue("decided", decided).addValue("queued", emailsQueued)
                        .addValue("tasks", tasksCreated));
    }

    /** The emails a batch of the run queued, so their sending counts to the run. */
    void addEmails(UUID id, List<UUID> communicationIds) {
        jdbc.batchUpdate("insert into collection_run_emails (run_id, communication_id) values (:run, :email)",
                communicationIds.stream().map(email -> new MapSqlParameterSource("run", id).addValue("email", email))
                        .toArray(SqlParameterSource[]::new));
    }

    void finish(UUID id, Instant at) {
        jdbc.update("update collection_runs set status = 'FINISHED', finished_at = :at where id = :id",
                new MapSqlParameterSource("id", id).addValue("at", ts(at)));
    }

    Optional<CollectionRunView> find(UUID id, int failedBatches) {
        return jdbc.query("select r.id, r.kind, r.daily_date, r.status, r.started_by, r.started_at, r.cutoff, r.finished_at,"
                + " r.accounts_due, r.decided + coalesce(n.decided, 0), r.emails_queued + coalesce(n.queued, 0),"
                + " (select count(*) from collection_run_emails e join communications c"
                + " on c.id = e.communication_id where e.run_id = r.id and c.status = 'SENT'),"
                + " r.tasks_created + coalesce(n.tasks, 0)"
                + " from collection_runs r left join (select run_id, sum(decided) decided, sum(emails_queued) queued,"
                + " sum(tasks_created) tasks from collection_run_counts where run_id = :id group by run_id) n"
                + " on n.run_id = r.id where r.id = :id",
                Map.of("id", id), (rs, n) -> new CollectionRunView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        instant(rs.getObject(6, OffsetDateTime.class)), instant(rs.getObject(7, OffsetDateTime.class)),
                        instant(rs.getObject(8, OffsetDateTime.class)), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                        rs.getInt(12), rs.getInt(13), failedBatches))
                .stream().findFirst();
    }

    Instant cutoff(UUID id) {
        return jdbc.queryForObject("select cutoff from collection_runs where id = :id", Map.of("id", id),
                (rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
