package io.recollect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.reporting.Dashboard;
import io.recollect.reporting.DashboardService;
import io.recollect.security.Roles;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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

/**
 * The portfolio dashboard over {@code bench.accounts} accounts (100,000 by default; target: the
 * median of five computations within 2 s). Loads a seeded ledger in bulk into its own PostgreSQL
 * database (dropped and created), then computes the dashboard as a manager would open it.
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

    @Autowired
    DashboardService dashboard;
    @Autowired
    JdbcTemplate jdbc;
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
            System.out.printf("%nDashboardBenchmark: %,d accounts, dashboard in %d ms (median of 5; min %d, max %d)%n",
                    ACCOUNTS, millis[2], millis[0], millis[4]);
            assertThat(last.currencies()).isNotEmpty();
            assertThat(millis[2]).as("median milliseconds for %,d accounts", ACCOUNTS).isLessThanOrEqualTo(TARGET_MILLIS);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Per account 1-3 invoices over the last 200 days, a third of them partly paid, a case for the overdue. */
    private void load() {
        Random random = new Random(SEED);
        LocalDate today = businessTime.today(clock);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> customers = new ArrayList<>();
        List<Object[]> invoices = new ArrayList<>();
        List<Object[]> payments = new ArrayList<>();
        List<Object[]> allocations = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> decisions = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            UUID customer = UUID.randomUUID();
            customers.add(new Object[] {customer, "BENCH-" + a, "Customer " + a, "c" + a + "@bench.example", "en",
                    "CONSUMER", "B", "EUR", now, 0L});
            boolean overdue = false;
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                UUID invoice = UUID.randomUUID();
                LocalDate issued = today.minusDays(random.nextInt(200));
                LocalDate due = issued.plusDays(30);
                BigDecimal total = BigDecimal.valueOf(1_000 + random.nextInt(200_000), 2);
                BigDecimal paid = random.nextInt(3) == 0 ? total.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN)
                        : BigDecimal.ZERO;
                BigDecimal open = total.subtract(paid);
                invoices.add(new Object[] {invoice, "B-" + a + "-" + i, customer, "EUR", Date.valueOf(issued),
                        Date.valueOf(due), total, open, paid.signum() > 0 ? "PARTIALLY_PAID" : "ISSUED", now, 0L});
                if (paid.signum() > 0) {
                    UUID payment = UUID.randomUUID();
                    payments.add(new Object[] {payment, "BP-" + a + "-" + i, customer, paid, "EUR",
                            Date.valueOf(issued.plusDays(random.nextInt(30))), "BANK_TRANSFER", BigDecimal.ZERO, now, 0L});
                    allocations.add(new Object[] {UUID.randomUUID(), payment, invoice, paid});
                }
                overdue |= due.isBefore(today);
            }
            if (overdue) {
                UUID collectionCase = UUID.randomUUID();
                cases.add(new Object[] {collectionCase, customer, "OPEN", customer, 1, now, 0L});
                decisions.add(new Object[] {UUID.randomUUID(), customer, collectionCase, "collection-path", "bench",
                        10 + random.nextInt(8), "{}", random.nextBoolean() ? "REMIND" : "HOLD", 1, 14, "bench", now});
            }
        }
        batch("insert into customers (id, external_ref, name, email, language, segment, risk_band, currency,"
                + " created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", customers);
        batch("insert into invoices (id, number, customer_id, currency, issue_date, due_date, total_amount, open_amount,"
                + " status, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", invoices);
        batch("insert into payments (id, external_id, customer_id, amount, currency, received_on, method,"
                + " unapplied_amount, recorded_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", payments);
        batch("insert into payment_allocations (id, payment_id, invoice_id, amount) values (?, ?, ?, ?)", allocations);
        batch("insert into collection_cases (id, customer_id, status, open_customer_id, reminders_sent, opened_at,"
                + " version) values (?, ?, ?, ?, ?, ?, ?)", cases);
        batch("insert into decision_records (id, customer_id, case_id, table_name, table_version, table_row, inputs,"
                + " action, dunning_level, wait_days, reason, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                decisions);
        jdbc.execute("analyze");
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 5_000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
    }
}
