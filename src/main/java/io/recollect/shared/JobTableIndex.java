package io.recollect.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index Camunda's job acquisition wants once a portfolio has many waiting timers (every
 * open invoice has one): with jobExecutorPreferTimerJobs and jobExecutorAcquireByDueDate it
 * filters on the job type and orders by due date. Camunda creates ACT_RU_JOB itself, after
 * Flyway has run, so the index is made here, idempotently, on H2 and PostgreSQL alike.
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
        try {
            jdbc.execute("create index if not exists ix_act_ru_job_type_duedate on act_ru_job (type_, duedate_)");
        } catch (DataAccessException raced) {
            // Another node starting at the same moment made it; the index is there either way.
            log.warn("Job table index not created here: {}", raced.getMostSpecificCause().getMessage());
        }
    }
}
