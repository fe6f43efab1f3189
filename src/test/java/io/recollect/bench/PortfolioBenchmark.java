package io.recollect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recollect.bench.Portfolio.Account;
import io.recollect.bench.Portfolio.Kind;
import io.recollect.rules.AccountSituation;
import io.recollect.cases.CollectionRunService;
import io.recollect.cases.CollectionRunView;
import io.recollect.rules.CollectionPathDecisions;
import io.recollect.rules.CollectionPathTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The morning run, measured: a seeded portfolio on PostgreSQL, every overdue account evaluated,
 * every reminder emailed to an SMTP server on loopback, every escalation on a collector's list;
 * beside it, in the same run, the JDBC floor and the rules alone. Prints one table and writes
 * target/bench/portfolio.json. Run: see README ("Benchmarks").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
@Import(BenchClock.Configuration.class)
class PortfolioBenchmark {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 10_000);
    static final long SEED = Long.getLong("bench.seed", 42);
    static final int THREADS = Integer.getInteger("bench.load-threads", 4);
    static final LocalDate BUSINESS_DATE = LocalDate.parse(System.getProperty("bench.date", "2026-06-01"));
    static final Instant MORNING_RUN = BUSINESS_DATE.atTime(6, 0).toInstant(ZoneOffset.UTC);
    /** Days after the backlog morning for the steady-state morning. */
    static final int STEADY_STATE_DAYS = Integer.getInteger("bench.steady-state-days", 7);
    static final String DATABASE = System.getProperty("bench.database", "recollect_bench");
    /** Enough passes over the portfolio for the JIT to have compiled the rules before measuring. */
    static final int WARM_PASSES = Math.max(1, 20_000 / Math.max(1, ACCOUNTS));
    static final String SERVER = System.getProperty("bench.server", "jdbc:postgresql://127.0.0.1:5432/");
    static final String[] JOB_METRICS = {Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_ACQUISITION_ATTEMPT,
            Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED,
            Metrics.JOB_LOCKED_EXCLUSIVE};
    /** Per phase; by default enough for 10 accounts a second, and never less than an hour. */
    static final long TIMEOUT_MINUTES = Long.getLong("bench.timeout-minutes", Math.max(60, ACCOUNTS / 600));

    static SmtpSink smtp;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    BenchClock clock;
    @Autowired
    CollectionPathDecisions decisions;
    @Autowired
    io.recollect.rules.RuleTableSimulations simulations;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CollectionRunService runs;

    @BeforeAll
    static void freshDatabaseAndSmtpSink() throws SQLException, IOException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", System.getProperty("bench.user", "postgres"),
                System.getProperty("bench.password", ""))) {
            admin.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            admin.createStatement().execute("create database " + DATABASE);
        }
        smtp = new SmtpSink();
    }

    @AfterAll
    static void stopSmtpSink() throws IOException {
        smtp.close();
    }

    @DynamicPropertySource
    static void benchProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SERVER + DATABASE);
        registry.add("spring.datasource.username", () -> System.getProperty("bench.user", "postgres"));
        registry.add("spring.datasource.password", () -> System.getProperty("bench.password", ""));
        registry.add("spring.mail.port", () -> smtp.port());
    }

    @Test
    void morningRun() throws Exception {
        Portfolio portfolio = Portfolio.generate(ACCOUNTS, SEED, BUSINESS_DATE);
        clock.startAt(BUSINESS_DATE.atStartOfDay(ZoneOffset.UTC).toInstant());
        long loadStart = System.nanoTime();
        new PortfolioLoader(jdbc, runtime, transaction).load(portfolio, clock.instant(), MORNING_RUN, THREADS);
        awaitQuiet(false);
        // As after any bulk import: the planner's statistics must know the tables are no longer
        // nearly empty. Without it, PostgreSQL fetches each execution's variables by scanning
        // every ACT_RU_VARIABLE row with no task (10 ms at 5,000 accounts, growing with the portfolio).
        jdbc.execute("analyze");
        double loadSeconds = seconds(loadStart);
        long decisionsBefore = count("select count(*) from decision_records");

        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Long> metricsBefore = new LinkedHashMap<>();
        for (String metric : JOB_METRICS) {
            metricsBefore.put(metric, metric(metric));
        }
        HeapSampler heap = HeapSampler.start();
        long runStart = System.nanoTime();
        clock.startAt(MORNING_RUN);
        UUID run = runs.start("bench");
        awaitQuiet(true);
        CollectionRunView counts = runs.status(run);
        result.put("runDecided", counts.decided());
        result.put("runEmailsQueued", counts.emailsQueued());
        result.put("runEmailsSent", counts.emailsSent());
        result.put("runTasksCreated", counts.tasksCreated());
        result.put("runFailedBatches", counts.failedBatches());
        double runSeconds = seconds(runStart);
        long peakHeap = heap.stop();
        // A marker for tools that watch the log, e.g. to snapshot pg_stat_statements for the morning alone.
        System.out.printf("morning run done in %.1f s%n", runSeconds);

        result.put("accounts", ACCOUNTS);
        result.put("invoices", portfolio.invoiceCount());
        result.put("loadSeconds", round(loadSeconds));
        result.put("wallSeconds", round(runSeconds));
        result.put("accountsPerSecond", round(ACCOUNTS / runSeconds));
        result.put("emailsSent", smtp.received());
        result.put("emailsPerSecond", round(smtp.received() / runSeconds));
        result.put("tasksCreated", tasks.createTaskQuery().processDefinitionKey("collection-case").count());
        result.put("decisions", count("select count(*) from decision_records") - decisionsBefore);
        result.put("peakHeapMiB", peakHeap / (1024 * 1024));
        result.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        double floor = jdbcFloor(portfolio);
        var situations = portfolio.accounts().stream().map(this::situation).toList();
        double rules = rulesOneByOne(situations);
        double rulesBatched = rulesInBatches(situations);
        result.put("floorAccountsPerSecond", round(floor));
        result.put("rulesDecisionsPerSecond", round(rules));
        result.put("rulesBatchDecisionsPerSecond", round(rulesBatched));
        result.put("ratioToFloor", round(ACCOUNTS / runSeconds / floor));
        result.put("ratioToRules", round(ACCOUNTS / runSeconds / rules));
        result.put("ratioToRulesBatched", round(ACCOUNTS / runSeconds / rulesBatched));
        result.put("accountsWithoutDecision", count("select count(*) from customers c where not exists"
                + " (select 1 from decision_records d where d.customer_id = c.id)"));
        result.put("emailsStillQueued", count("select count(*) from communications where status = 'QUEUED'"));
        result.put("emailsSentTwice", smtp.received() - smtp.distinctMessageIds());
        result.put("incidents", runtime.createIncidentQuery().count());
        for (String metric : JOB_METRICS) {
            result.put("camunda." + metric, metric(metric) - metricsBefore.get(metric));
        }
        double jobsPerAccount = (long) result.get("camunda." + Metrics.JOB_SUCCESSFUL) / (double) ACCOUNTS;
        double engineFloor = engineFloor(Math.min(ACCOUNTS, 20_000));
        result.put("jobsPerAccount", round(jobsPerAccount));
        result.put("engineFloorJobsPerSecond", round(engineFloor));
        result.put("engineCeilingAccountsPerSecond", round(engineFloor / jobsPerAccount));
        result.put("ratioToEngineCeiling", round(ACCOUNTS / runSeconds / (engineFloor / jobsPerAccount)));
        simulation(result);
        steadyStateMorning(result);
        BenchReport.print("Portfolio benchmark: the morning run", result, "target/bench/portfolio.json");

        assertThat(result.get("accountsWithoutDecision")).as("accounts lost").isEqualTo(0L);
        assertThat(result.get("emailsSentTwice")).as("emails sent twice").isEqualTo(0L);
        assertThat(result.get("emailsStillQueued")).as("emails not sent").isEqualTo(0L);
        assertThat(result.get("incidents")).as("incidents").isEqualTo(0L);
    }

    /**
     * A manager's simulation of the active collection-path version against every open account
     * (the issue asks for 100,000 accounts in at most 10 s: run with {@code -Dbench.accounts=100000}).
     */
    private void simulation(Map<String, Object> result) {
        var manager = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                "bench-manager", null, List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                        "ROLE_" + io.recollect.security.Roles.MANAGERS)));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(manager);
        try {
            UUID version = decisions.active().versionId();
            long start = System.nanoTime();
            UUID id = simulations.start("collection-path", version).id();
            io.recollect.rules.SimulationView simulation = await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> simulations.get("collection-path", id, 0, 0), s -> !s.status().equals("RUNNING"));
            double simulationSeconds = seconds(start);
            assertThat(simulation.status()).as(String.valueOf(simulation.failure())).isEqualTo("DONE");
            result.put("simulationAccounts", simulation.result().accounts());
            result.put("simulationSeconds", round(simulationSeconds));
            result.put("simulationAccountsPerSecond", round(simulation.result().accounts() / simulationSeconds));
            // The active version against itself changes nothing: a check that both sides decided alike.
            assertThat(simulation.result().changedAccounts()).as("accounts changed by the same version").isZero();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    /**
     * A week later, the portfolio mid-ladder: the accounts whose wait ends that morning (and the
     * tasks past their SLA) are due; everything else waits. The morning run as an operator starts it.
     */
    private void steadyStateMorning(Map<String, Object> result) {
        // The week between: autovacuum would have analyzed the tables the morning filled many times
        // over; this machine's PostgreSQL runs without it, and with statistics from before the
        // morning the planner took each of 12,000 case processes' CaseClosed subscriptions for one
        // row and walked all of them in every message correlation (80 ms each at 20,000 accounts).
        jdbc.execute("analyze");
        clock.startAt(MORNING_RUN.plus(Duration.ofDays(STEADY_STATE_DAYS)));
        long decisionsBefore = count("select count(*) from decision_records");
        long sentBefore = smtp.received();
        long start = System.nanoTime();
        UUID run = runs.start("bench");
        awaitQuiet(true);
        double seconds = seconds(start);
        CollectionRunView counts = runs.status(run);
        result.put("steadyStateDays", STEADY_STATE_DAYS);
        result.put("steadyStateAccountsDue", counts.accountsDue());
        result.put("steadyStateDecisions", count("select count(*) from decision_records") - decisionsBefore);
        result.put("steadyStateEmailsSent", smtp.received() - sentBefore);
        result.put("steadyStateTasksCreated", counts.tasksCreated());
        result.put("steadyStateWallSeconds", round(seconds));
        result.put("steadyStateAccountsPerSecond", round(counts.accountsDue() / seconds));
        result.put("steadyStateEmailsSentTwice", smtp.received() - smtp.distinctMessageIds());
    }

    /** Done when no job is due, every module event is delivered and (for the run) every account has a decision. */
    private void awaitQuiet(boolean everyAccountDecided) {
        long started = System.nanoTime();
        AtomicLong lastReport = new AtomicLong();
        await().atMost(Duration.ofMinutes(TIMEOUT_MINUTES)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long undelivered = count("select count(*) from event_publication where completion_date is null");
            if (System.nanoTime() - lastReport.get() > 5_000_000_000L) {
                lastReport.set(System.nanoTime());
                System.out.printf("  %5.1f s: %d jobs due, %d events undelivered, %d decisions%n", seconds(started),
                        dueJobs(), undelivered, count("select count(*) from decision_records"));
            }
            return !anyJobDue() && undelivered == 0
                    && (!everyAccountDecided || count("select count(*) from collection_runs where status <> 'FINISHED'") == 0)
                    && (!everyAccountDecided || count("select count(*) from customers c where not exists"
                            + " (select 1 from decision_records d where d.customer_id = c.id)") == 0);
        });
    }

    /**
     * Due jobs by plain SQL on the due-date index. Camunda's JobQuery.executable().count() joins
     * every job to its execution and counts distinct ids: 0.9 s a call at 100,000 accounts, so
     * polling with it took half a core of PostgreSQL from the run it was measuring.
     */
    private static final String DUE = " from act_ru_job where retries_ > 0 and duedate_ <= ? and suspension_state_ = 1";

    private boolean anyJobDue() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1" + DUE + ")", Boolean.class, engineNow()));
    }

    private long dueJobs() {
        return jdbc.queryForObject("select count(*)" + DUE, Long.class, engineNow());
    }

    private static Timestamp engineNow() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    /**
     * A Camunda job metric so far. The query first reports what this node has counted (the
     * in-memory meter alone is cleared by the reporter every 15 minutes, so in a long run it
     * holds only the last stretch).
     */
    private long metric(String name) {
        return management.createMetricsQuery().name(name).sum();
    }

    /**
     * The engine alone, on the same job executor and database: one timer job per instance of a
     * process that only waits and ends. Divided by the run's jobs per account, it is the most
     * accounts a second this process design could reach here if our own code cost nothing.
     * Timers are set an hour ahead and the clock then jumps there; nothing of the portfolio is
     * due within that hour.
     */
    private double engineFloor(int instances) throws InterruptedException {
        String key = "bench-engine-floor";
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent().timerWithDate("${at}").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        Date at = Date.from(clock.instant().plus(Duration.ofHours(1)));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int i = 0; i < instances; i++) {
            pool.submit(() -> runtime.startProcessInstanceByKey(key, Map.of("at", at)));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        long start = System.nanoTime();
        clock.startAt(at.toInstant());
        await().atMost(Duration.ofMinutes(TIMEOUT_MINUTES)).pollInterval(Duration.ofMillis(500))
                .until(() -> !anyJobDue());
        return instances / seconds(start);
    }

    /** One JDBC transaction per account inserting one decision row, on as many threads as the job executor. */
    private double jdbcFloor(Portfolio portfolio) throws InterruptedException {
        int threads = Integer.getInteger("bench.floor-threads", 4);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (Account account : portfolio.accounts()) {
            pool.submit(() -> transaction.executeWithoutResult(status -> jdbc.update("insert into decision_records"
                    + " (id, customer_id, table_name, table_version, table_row, inputs, action, dunning_level, wait_days,"
                    + " reason, decided_at) values (?,?,'bench-floor','-',0,'{}','HOLD',0,0,'floor',now())",
                    UUID.randomUUID(), account.customerId())));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double perSecond = ACCOUNTS / seconds(start);
        jdbc.update("delete from decision_records where table_name = 'bench-floor'");
        return perSecond;
    }

    /**
     * The collection-path table for every account's situation, in memory, on one thread, one
     * session per decision as the run decides (after warm passes: at 1,000 accounts one pass is
     * over before the JIT has compiled Drools).
     */
    private double rulesOneByOne(List<AccountSituation> situations) {
        CollectionPathTable table = decisions.active();
        for (int pass = 0; pass < WARM_PASSES; pass++) {
            situations.forEach(table::decide);
        }
        long start = System.nanoTime();
        AtomicLong decided = new AtomicLong();
        situations.forEach(s -> {
            table.decide(s);
            decided.incrementAndGet();
        });
        return decided.get() / seconds(start);
    }

    /** The same in one session per 4,096 accounts ({@link CollectionPathTable#decideAll}), as a simulation decides. */
    private double rulesInBatches(List<AccountSituation> situations) {
        CollectionPathTable table = decisions.active();
        for (int pass = 0; pass < WARM_PASSES; pass++) {
            batches(situations).forEach(table::decideAll);
        }
        long start = System.nanoTime();
        long decided = batches(situations).mapToLong(batch -> table.decideAll(batch).size()).sum();
        return decided / seconds(start);
    }

    private static Stream<List<AccountSituation>> batches(List<AccountSituation> situations) {
        int size = 4096;
        return IntStream.range(0, (situations.size() + size - 1) / size)
                .mapToObj(i -> situations.subList(i * size, Math.min(situations.size(), (i + 1) * size)));
    }

    private AccountSituation situation(Account account) {
        var overdue = account.invoices().stream().filter(i -> i.overdueOn(BUSINESS_DATE)).toList();
        BigDecimal amount = overdue.stream().map(Portfolio.Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int daysPastDue = (int) ChronoUnit.DAYS.between(overdue.get(0).due(), BUSINESS_DATE);
        return new AccountSituation(daysPastDue, amount, account.segment(), account.riskBand(),
                account.kind() == Kind.PROMISED ? 1 : 0, 0, 0, 0, account.kind() == Kind.PROMISED, false,
                account.kind() == Kind.DISPUTED, account.kind() == Kind.HARDSHIP, account.kind() == Kind.PAUSED, false);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Samples the used heap every 100 ms; the peak is what the run needed at its worst. */
    static final class HeapSampler {

        private final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        static HeapSampler start() {
            HeapSampler heap = new HeapSampler();
            var memory = ManagementFactory.getMemoryMXBean();
            heap.sampler.scheduleAtFixedRate(() -> heap.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(),
                    Math::max), 0, 100, TimeUnit.MILLISECONDS);
            return heap;
        }

        long stop() {
            sampler.shutdownNow();
            return peak.get();
        }
    }
}
