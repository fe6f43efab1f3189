package io.recollect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.imports.ImportService;
import io.recollect.imports.ImportStatus;
import io.recollect.imports.ImportView;
import io.recollect.imports.OnBadLines;
import io.recollect.security.Roles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Onboarding a portfolio's history: a JSON lines file of {@code bench.invoices} invoices (100,000
 * by default; one customer per five invoices, 1-3 lines each, three in four paid by a payment
 * that names them, some paid in part, some by payments naming nothing) imported into an empty
 * PostgreSQL database of its own (dropped and created). Prints invoices/s, wall time and peak
 * heap, and writes them to target/bench/import.json. Run:
 * {@code ./mvnw -Pbench verify -Dtest=ImportBenchmark -Dbench.invoices=100000}.
 */
// a mock web environment: the API's security chain needs one (with NONE the context does not start)
@SpringBootTest
@ActiveProfiles("bench")
class ImportBenchmark {

    static final int INVOICES = Integer.getInteger("bench.invoices", 100_000);
    static final long SEED = Long.getLong("bench.seed", 42);
    static final String DATABASE = System.getProperty("bench.import-database", "recollect_import_bench");

    @Autowired
    ImportService imports;
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
    void importsAPortfolioWithItsHistory() throws IOException {
        Path file = Path.of("target/bench/import-" + INVOICES + ".jsonl");
        Generated generated = generate(file);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("bench", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.INTEGRATIONS))));
        String loadBefore = loadAverage();
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        ImportView view;
        try (InputStream in = Files.newInputStream(file)) {
            view = imports.importJsonLines(in, OnBadLines.REFUSE_FILE);
        } finally {
            SecurityContextHolder.clearContext();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        String loadAfter = loadAverage();

        assertThat(view.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(view.errors()).isZero();
        assertThat(view.invoicesCreated()).isEqualTo(INVOICES);
        assertThat(view.paymentsCreated()).isEqualTo(generated.payments());
        assertThat(jdbc.queryForObject("select count(*) from communications", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution", Integer.class)).isZero();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("invoices", INVOICES);
        figures.put("customers", generated.customers());
        figures.put("payments", generated.payments());
        figures.put("lines in file", generated.lines());
        figures.put("file MB", String.format("%.1f", Files.size(file) / 1e6));
        figures.put("wall s", String.format("%.1f", seconds));
        figures.put("invoices/s", Math.round(INVOICES / seconds));
        figures.put("peak heap MB", peakHeap / 1_000_000);
        figures.put("load average before", loadBefore);
        figures.put("load average after", loadAfter);
        BenchReport.print("ImportBenchmark", figures, "target/bench/import.json");
    }

    private record Generated(int customers, int payments, int lines) {
    }

    /** Customers first, then the invoices, their payments following in blocks a megabyte later. */
    private Generated generate(Path file) throws IOException {
        Random random = new Random(SEED);
        LocalDate today = businessTime.today(clock);
        int customers = Math.max(1, INVOICES / 5);
        Files.createDirectories(file.getParent());
        int payments = 0;
        int lines = 0;
        StringBuilder paymentLines = new StringBuilder();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int c = 0; c < customers; c++) {
                out.write("{\"type\":\"customer\",\"externalRef\":\"C" + c + "\",\"name\":\"Customer " + c
                        + "\",\"email\":\"c" + c + "@bench.example\",\"segment\":\"SMALL_BUSINESS\",\"currency\":\"EUR\"}\n");
                lines++;
            }
            for (int i = 0; i < INVOICES; i++) {
                int customer = i % customers;
                LocalDate issued = today.minusDays(10 + random.nextInt(1_000));
                StringBuilder invoice = new StringBuilder("{\"type\":\"invoice\",\"number\":\"INV-" + i
                        + "\",\"customer\":\"C" + customer + "\",\"currency\":\"EUR\",\"issueDate\":\"" + issued
                        + "\",\"dueDate\":\"" + issued.plusDays(30) + "\",\"lines\":[");
                BigDecimal total = BigDecimal.ZERO;
                for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
                    BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(50_000), 2);
                    int quantity = 1 + random.nextInt(4);
                    total = total.add(price.multiply(BigDecimal.valueOf(quantity)).multiply(new BigDecimal("1.20"))
                            .setScale(2, RoundingMode.HALF_UP));
                    invoice.append(l == 0 ? "" : ",").append("{\"description\":\"Service ").append(l)
                            .append("\",\"quantity\":\"").append(quantity).append("\",\"unitPrice\":\"")
                            .append(price.toPlainString()).append("\",\"taxRate\":\"0.20\"}");
                }
                out.write(invoice.append("]}\n").toString());
                lines++;
                int kind = random.nextInt(20);
                if (kind < 15) {
                    BigDecimal paid = kind == 0 ? total.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN) : total;
                    paymentLines.append("{\"type\":\"payment\",\"externalId\":\"P-").append(i).append("\",\"payer\":\"C")
                            .append(customer).append("\",\"amount\":\"").append(paid.toPlainString())
                            .append("\",\"currency\":\"EUR\",\"receivedOn\":\"")
                            .append(issued.plusDays(20).isAfter(today) ? today : issued.plusDays(20))
                            .append("\",\"method\":\"BANK_TRANSFER\"");
                    if (kind < 13) {
                        paymentLines.append(",\"allocations\":[{\"invoiceNumber\":\"INV-").append(i)
                                .append("\",\"amount\":\"").append(paid.toPlainString()).append("\"}]");
                    }
                    paymentLines.append("}\n");
                    payments++;
                    lines++;
                }
                if (paymentLines.length() > 1 << 20) {
                    out.write(paymentLines.toString());
                    paymentLines.setLength(0);
                }
            }
            out.write(paymentLines.toString());
        }
        return new Generated(customers, payments, lines);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
