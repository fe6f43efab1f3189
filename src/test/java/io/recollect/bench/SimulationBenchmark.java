package io.recollect.bench;

import static io.recollect.support.RuleTables.cell;
import static io.recollect.support.RuleTables.edited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recollect.rules.RuleTableService;
import io.recollect.rules.RuleTableSimulations;
import io.recollect.rules.RuleTableStatus;
import io.recollect.rules.RuleTableVersionView;
import io.recollect.rules.SimulationView;
import io.recollect.security.Roles;
import io.recollect.shared.BusinessTime;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A manager's simulation of an edited collection-path version against {@code bench.accounts}
 * open overdue accounts (100,000 by default; the target: at most 10 s on the project's
 * 2-core machine). Loads a seeded portfolio in bulk into its own PostgreSQL database (dropped and
 * created): segments, risk bands, 1-3 invoices, some partly paid, some with unapplied credit, an
 * open case with reminders sent, a promise, a dispute or a pause. Then uploads the shipped table
 * with one threshold changed and times the simulation from start to DONE. The time is reported,
 * not asserted; the simulation must have decided every loaded account.
 * Run: {@code ./mvnw -Pbench verify -Dtest=SimulationBenchmark -Dbench.accounts=100000}.
 */
// a mock servlet environment: the security chains need one; no port is opened
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("bench")
class SimulationBenchmark {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    static final long SEED = Long.getLong("bench.seed", 42);
    static final String DATABASE = System.getProperty("bench.simulation-database", "recollect_simulation_bench");
    private static final String[] SEGMENTS = {"CONSUMER", "SMALL_BUSINESS", "ENTERPRISE", "PATIENT"};
    private static final int[] SEGMENT_WEIGHTS = {55, 25, 10, 10};
    private static final String[] RISK_BANDS = {"A", "B", "C", "D"};
    private static final int[] RISK_WEIGHTS = {30, 40, 20, 10};

    @Autowired
    RuleTableService tables;
    @Autowired
    RuleTableSimulations simulations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    BusinessTime businessTime;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        BenchDatabase.recreate(DATABASE);
    }

    @DynamicPropertySource
    static void benchProperties(DynamicPropertyRegistry registry) {
        BenchDatabase.quiet(registry, DATABASE);
    }

    @Test
    void simulationOfAnEditedTableOverThePortfolio() throws IOException {
        long loadStart = System.nanoTime();
        int loaded = load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bench-manager", null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.MANAGERS))));
        try {
            // R13 from 30 days past due instead of its shipped threshold: some accounts move rows
            RuleTableVersionView candidate = tables.upload("collection-path",
                    edited(rules -> cell(rules, "R13", "Days past due: at least").setCellValue(30)), "bench: R13 from 30 days");
            assertThat(candidate.status()).isEqualTo(RuleTableStatus.CANDIDATE);
            String loadBefore = loadAverage();
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            UUID id = simulations.start("collection-path", candidate.id()).id();
            SimulationView done = await().atMost(Duration.ofMinutes(Math.max(10, ACCOUNTS / 5_000)))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> simulations.get("collection-path", id, 0, 0), s -> !s.status().equals("RUNNING"));
            double seconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            assertThat(done.status()).as(String.valueOf(done.failure())).isEqualTo("DONE");

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("accountsLoaded", loaded);
            figures.put("loadSeconds", round(loadSeconds));
            figures.put("accounts", done.result().accounts());
            figures.put("simulationSeconds", round(seconds));
            figures.put("accountsPerSecond", round(done.result().accounts() / seconds));
            figures.put("changed", done.result().changedAccounts());
            figures.put("oldGaps", done.result().oldGaps());
            figures.put("newGaps", done.result().newGaps());
            figures.put("peakHeapMb", peakHeap / (1024 * 1024));
            figures.put("loadAverageBefore", loadBefore);
            figures.put("loadAverageAfter", loadAverage());
            figures.put("cores", Runtime.getRuntime().availableProcessors());
            BenchReport.print("SimulationBenchmark (" + ACCOUNTS + " accounts)", figures, "target/bench/simulation.json");
            assertThat(done.result().accounts()).as("accounts decided by the simulation").isEqualTo(loaded);
            assertThat(done.result().oldGaps() + done.result().newGaps()).as("accounts no row covers").isZero();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The portfolio; returns how many accounts have something overdue (all of them). Per account
     * 1-3 invoices, the oldest always overdue; a third partly paid; one in twenty with unapplied
     * credit; a third with an open case (0-3 reminders sent), of which some have a promise;
     * one in twenty disputed, one in twenty paused.
     */
    private int load() {
        Random random = new Random(SEED);
        LocalDate today = businessTime.today(clock);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> customers = new ArrayList<>();
        List<Object[]> invoices = new ArrayList<>();
        List<Object[]> payments = new ArrayList<>();
        List<Object[]> allocations = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> promises = new ArrayList<>();
        List<Object[]> disputes = new ArrayList<>();
        List<Object[]> pauses = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            UUID customer = UUID.randomUUID();
            customers.add(new Object[] {customer, "SIM-" + a, "Customer " + a, "s" + a + "@bench.example",
                    pick(random, SEGMENTS, SEGMENT_WEIGHTS), pick(random, RISK_BANDS, RISK_WEIGHTS), now});
            UUID oldest = null;
            BigDecimal oldestOpen = null;
            boolean secondOverdue = false;
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                UUID invoice = UUID.randomUUID();
                // the first invoice is 1-180 days past due, the others anywhere from not yet due to 180 days
                int daysPastDue = i == 0 ? 1 + random.nextInt(180) : random.nextInt(200) - 20;
                LocalDate due = today.minusDays(daysPastDue);
                LocalDate issued = due.minusDays(30);
                BigDecimal total = BigDecimal.valueOf(2_000 + random.nextInt(500_000), 2);
                BigDecimal paid = random.nextInt(3) == 0 ? total.divide(BigDecimal.valueOf(2 + random.nextInt(3)), 2,
                        RoundingMode.DOWN) : BigDecimal.ZERO;
                BigDecimal open = total.subtract(paid);
                invoices.add(new Object[] {invoice, "S-" + a + "-" + i, customer, Date.valueOf(issued), Date.valueOf(due),
                        total, open, paid.signum() > 0 ? "PARTIALLY_PAID" : "ISSUED", now, now});
                if (paid.signum() > 0) {
                    UUID payment = UUID.randomUUID();
                    payments.add(new Object[] {payment, "SP-" + a + "-" + i, customer, paid,
                            Date.valueOf(issued.plusDays(random.nextInt(30))), BigDecimal.ZERO, now});
                    allocations.add(new Object[] {UUID.randomUUID(), payment, invoice, paid});
                }
                if (i == 0) {
                    oldest = invoice;
                    oldestOpen = open;
                } else {
                    secondOverdue |= daysPastDue > 0;
                }
            }
            if (random.nextInt(20) == 0) {
                // money received that the run has not applied yet: half of the first invoice's open amount, or
                // all of it when another invoice is overdue too (so every account still has something overdue)
                BigDecimal credit = secondOverdue && random.nextBoolean() ? oldestOpen
                        : oldestOpen.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                payments.add(new Object[] {UUID.randomUUID(), "SC-" + a, customer, credit, Date.valueOf(today.minusDays(1)),
                        credit, now});
            }
            int side = random.nextInt(20);
            if (random.nextInt(3) == 0) {
                UUID caseId = UUID.randomUUID();
                Timestamp opened = Timestamp.from(now.toInstant().minus(Duration.ofDays(5 + random.nextInt(60))));
                Timestamp lastAction = Timestamp.from(now.toInstant().minus(Duration.ofDays(random.nextInt(30))));
                cases.add(new Object[] {caseId, customer, customer, random.nextInt(4), opened, lastAction});
                if (side < 3) {
                    promises.add(new Object[] {UUID.randomUUID(), caseId, customer,
                            Date.valueOf(today.plusDays(1 + random.nextInt(10))), oldestOpen, now, customer});
                }
            }
            if (side == 3) {
                disputes.add(new Object[] {UUID.randomUUID(), customer, oldest, now, oldest});
            } else if (side == 4) {
                pauses.add(new Object[] {UUID.randomUUID(), customer, Date.valueOf(today.plusDays(10)), now, customer});
            }
        }
        batch("insert into customers (id, external_ref, name, email, language, segment, risk_band, currency,"
                + " created_at, version) values (?, ?, ?, ?, 'en', ?, ?, 'EUR', ?, 0)", customers);
        batch("insert into invoices (id, number, customer_id, currency, issue_date, due_date, total_amount, open_amount,"
                + " status, created_at, issued_at, version, credited_amount, written_off_amount)"
                + " values (?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)", invoices);
        batch("insert into payments (id, external_id, customer_id, amount, currency, received_on, method,"
                + " unapplied_amount, recorded_at, version) values (?, ?, ?, ?, 'EUR', ?, 'BANK_TRANSFER', ?, ?, 0)",
                payments);
        batch("insert into payment_allocations (id, payment_id, invoice_id, amount) values (?, ?, ?, ?)", allocations);
        batch("insert into collection_cases (id, customer_id, status, open_customer_id, reminders_sent, opened_at,"
                + " last_action_at, version) values (?, ?, 'OPEN', ?, ?, ?, ?, 0)", cases);
        batch("insert into promises (id, case_id, customer_id, promised_date, amount, currency, received_amount,"
                + " status, recorded_by, recorded_at, version, open_customer_id)"
                + " values (?, ?, ?, ?, ?, 'EUR', 0, 'OPEN', 'bench', ?, 0, ?)", promises);
        batch("insert into disputes (id, customer_id, invoice_id, reason, status, raised_by, raised_at, version,"
                + " open_invoice_id) values (?, ?, ?, 'Not delivered', 'OPEN', 'bench', ?, 0, ?)", disputes);
        batch("insert into dunning_pauses (id, customer_id, reason, paused_until, paused_by, paused_at, version,"
                + " open_customer_id) values (?, ?, 'Bereavement', ?, 'bench', ?, 0, ?)", pauses);
        jdbc.execute("analyze");
        System.out.printf("%nSimulationBenchmark loaded %,d accounts: %,d invoices, %,d payments, %,d cases, %,d promises,"
                + " %,d disputes, %,d pauses%n", customers.size(), invoices.size(), payments.size(), cases.size(),
                promises.size(), disputes.size(), pauses.size());
        return customers.size();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 5_000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
    }

    private static String pick(Random random, String[] values, int[] weights) {
        int roll = random.nextInt(100);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** The machine's 1, 5 and 15 minute load averages: the machine is shared, so figures come with them. */
    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
