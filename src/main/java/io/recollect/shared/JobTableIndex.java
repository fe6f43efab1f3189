package io.recollect.shared;

import java.sql.Timestamp;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes for Camunda's job acquisition, which runs several times a second on every node. With
 * jobExecutorAcquireByDueDate and ensureJobDueDateNotNull (application.yml) it asks for jobs
 * with {@code DUEDATE_ <= now} in due-date order, and keeps an exclusive job back while another
 * job of its process instance is locked.
 * <ul>
 * <li>An index on {@code DUEDATE_} makes that a range scan that stops after the first rows, however
 * many timers wait for later days. (Ordering by {@code TYPE_} first, as jobExecutorPreferTimerJobs
 * does, defeats any index once timers wait in the future; the measurement is in docs/architecture.md.)
 * <li>On PostgreSQL, a partial index over locked jobs only: the "another job locked?" check is
 * planned as one hashed lookup per acquisition, which otherwise scanned the whole job table
 * (with the due-date order, 20 ms with 7,000 due jobs on the benchmark's machine; 0.2 ms with
 * both indexes). H2 has no partial indexes, and a dev database does not need it.
 * </ul>
 * Camunda creates ACT_RU_JOB itself, after Flyway has run, so the indexes are made here,
 * idempotently, and the indexes of earlier versions are dropped. Jobs created before
 * ensureJobDueDateNotNull may have no due date, which the acquisition would now skip: they get
 * the current time, as Camunda's documentation for that setting asks.
 */
@Component
@Order(-10)
class JobTableIndex implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(JobTableIndex.class);

    private final JdbcTemplate jdbc;

    JobTableIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
        apply("create index if not exists ix_act_ru_job_due on act_ru_job (duedate_)");
        if (postgres) {
            apply("create index if not exists ix_act_ru_job_locked on act_ru_job (process_instance_id_)"
                    + " where lock_owner_ is not null");
        }
        apply("drop index if exists ix_act_ru_job_type_duedate");
        apply("drop index if exists ix_act_ru_job_acquisition");
        int undated = jdbc.update("update act_ru_job set duedate_ = ? where duedate_ is null",
                new Timestamp(ClockUtil.getCurrentTime().getTime()));
        if (undated > 0) {
            log.info("Gave {} jobs without a due date the current time, so the job executor acquires them", undated);
        }
    }

    private void apply(String ddl) {
        try {
            jdbc.execute(ddl);
        } catch (DataAccessException raced) {
            // Another node starting at the same moment did it; the index is there (or gone) either way.
            log.warn("Job table index not changed here: {}", raced.getMostSpecificCause().getMessage());
        }
    }
}
