package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceView;
import io.recollect.shared.ConflictException;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two requests for the same open record (promise, dispute, pause), each in its own transaction:
 * the first writes and keeps its transaction open until the second has passed the service's check
 * and either finished or queued behind the first on the database. Exactly one may succeed; the other
 * is a conflict, and the database holds one open record.
 */
class OpenRecordRaceIntegrationTests extends IntegrationTest {

    @Autowired
    PromiseService promises;
    @Autowired
    DisputeService disputes;
    @Autowired
    DunningPauseService pauses;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void onlyOneOfTwoConcurrentPromisesIsRecorded() throws Exception {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "150.00", 5, time.today());
        cases.settle();

        List<Throwable> failures = race(() -> promises.record(customer.id(), time.today().plusDays(7),
                new java.math.BigDecimal("50.00"), "collector"));

        assertOneConflict(failures, "promise-pending");
        assertThat(jdbc.queryForObject("select count(*) from promises where customer_id = ? and status = 'OPEN'",
                Integer.class, customer.id())).isEqualTo(1);
    }

    @Test
    void onlyOneOfTwoConcurrentDisputesOfAnInvoiceIsRaised() throws Exception {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "90.00", 3, time.today());
        cases.settle();

        List<Throwable> failures = race(() -> disputes.raise(invoice.id(), "Never delivered", "collector"));

        assertOneConflict(failures, "dispute-open");
        assertThat(jdbc.queryForObject("select count(*) from disputes where invoice_id = ? and status = 'OPEN'",
                Integer.class, invoice.id())).isEqualTo(1);
    }

    @Test
    void onlyOneOfTwoConcurrentAccountPausesRuns() throws Exception {
        CustomerView customer = fixtures.customer();

        List<Throwable> failures = race(() -> pauses.pauseCustomer(customer.id(), "Holiday",
                time.today().plusDays(10), "collector"));

        assertOneConflict(failures, "pause-changed");
        assertThat(jdbc.queryForObject("select count(*) from dunning_pauses where customer_id = ?"
                + " and invoice_id is null and ended_at is null", Integer.class, customer.id())).isEqualTo(1);
    }

    @Test
    void onlyOneOfTwoConcurrentInvoicePausesRunsEvenWhenBothReplaceARunningOne() throws Exception {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "90.00", 3, time.today());
        pauses.pauseInvoice(invoice.id(), "Checking", time.today().plusDays(3), "collector");
        cases.settle();

        List<Throwable> failures = race(() -> pauses.pauseInvoice(invoice.id(), "Customer on holiday",
                time.today().plusDays(10), "collector"));

        assertOneConflict(failures, "pause-changed");
        assertThat(jdbc.queryForObject("select count(*) from dunning_pauses where invoice_id = ? and ended_at is null",
                Integer.class, invoice.id())).isEqualTo(1);
    }

    /** Runs the action twice as described above; returns each run's failure (null: it succeeded). */
    private List<Throwable> race(Runnable action) throws Exception {
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        Future<Throwable> first = threads.submit(() -> outcome(() -> transaction.executeWithoutResult(status -> {
            action.run();
            firstWrote.countDown();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                    .until(() -> secondDone.getCount() == 0 || sessionsWaitingForALock() > 0);
        }), firstWrote));
        assertThat(firstWrote.await(20, TimeUnit.SECONDS)).as("first run wrote").isTrue();
        Future<Throwable> second = threads.submit(() -> {
            try {
                return outcome(() -> transaction.executeWithoutResult(status -> action.run()), null);
            } finally {
                secondDone.countDown();
            }
        });
        List<Throwable> failures = new ArrayList<>();
        failures.add(first.get(30, TimeUnit.SECONDS));
        failures.add(second.get(30, TimeUnit.SECONDS));
        cases.settle();
        return failures;
    }

    private static Throwable outcome(Runnable run, CountDownLatch releaseOnFailure) {
        try {
            run.run();
            return null;
        } catch (RuntimeException | Error failure) {
            if (releaseOnFailure != null) {
                releaseOnFailure.countDown();
            }
            return failure;
        }
    }

    private int sessionsWaitingForALock() {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
        String sql = postgres
                ? "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
                // H2 names no blocker for a row a writer waits on; the writer's statement is still executing
                : "select count(*) from information_schema.sessions where session_id <> session_id()"
                        + " and (lower(executing_statement) like 'insert into %'"
                        + " or lower(executing_statement) like 'update %')";
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static void assertOneConflict(List<Throwable> failures, String code) {
        assertThat(failures).as("exactly one of the two runs fails").filteredOn(f -> f != null).hasSize(1);
        Throwable failure = failures.stream().filter(f -> f != null).findFirst().orElseThrow();
        assertThat(failure).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) failure).code()).isEqualTo(code);
    }
}
