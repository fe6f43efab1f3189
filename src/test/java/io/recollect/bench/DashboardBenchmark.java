package io.recollect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.reporting.Dashboard;
import io.recollect.reporting.DashboardService;
import io.recollect.security.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portfolio dashboard over {@code bench.accounts} accounts (100,000 by default; target: the
 * median of five computations within 2 s). Loads a seeded ledger a few months in ({@link DashboardLedger})
 * in bulk into its own PostgreSQL database (dropped and created), then computes the dashboard as a
 * manager would open it.
 * Run: {@code ./mvnw -Pbench verify -Dtest=DashboardBenchmark}.
 */
// a mock servlet environment: the security chains need one; no port is opened
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("bench")
class DashboardBenchmark {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    static final long SEED = Long.getLong("bench.seed", 42);
    static final String DATABASE = System.getProperty("bench.dashboard-database", "recollect_dashboard_bench");
    static final long TARGET_MILLIS = 2_000;
    /** Cases that get an open task in the engine (one in ten open cases, up to this many). */
    static final int TASK_SAMPLE = Integer.getInteger("bench.dashboard-tasks", 5_000);

    @Autowired
    DashboardService dashboard;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    java.time.Clock clock;
    @Autowired
    io.recollect.shared.BusinessTime businessTime;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        BenchDatabase.recreate(DATABASE);
    }

    @DynamicPropertySource
    static void benchProperties(DynamicPropertyRegistry registry) {
        // only the step under measure does work: nothing decides or sends meanwhile
        BenchDatabase.quiet(registry, DATABASE);
        // the driver sends each batch as multi-row inserts: the few million decisions load in a minute or two
        registry.add("spring.datasource.url", () -> BenchDatabase.SERVER + DATABASE + "?reWriteBatchedInserts=true");
    }

    @Test
    void dashboardOfTheWholePortfolio() {
        load();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("bench", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.MANAGERS))));
        try {
            for (int i = 0; i < 3; i++) {
                dashboard.compute(null);
            }
            long[] millis = new long[5];
            Dashboard last = null;
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                last = dashboard.compute(null);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("%nDashboardBenchmark: %,d accounts, dashboard in %d ms (median of 5; min %d, max %d;"
                    + " load average %s)%n", ACCOUNTS, millis[2], millis[0], millis[4], loadAverage());
            assertThat(last.currencies()).isNotEmpty();
            assertThat(millis[2]).as("median milliseconds for %,d accounts", ACCOUNTS).isLessThanOrEqualTo(TARGET_MILLIS);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void load() {
        long start = System.nanoTime();
        Map<String, Integer> rows = new DashboardLedger(jdbc, tasks, transaction, SEED)
                .load(ACCOUNTS, businessTime.today(clock), clock.instant(), TASK_SAMPLE);
        System.out.printf("%nDashboardBenchmark: loaded in %d s: %s (load average %s)%n",
                (System.nanoTime() - start) / 1_000_000_000, rows, loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
