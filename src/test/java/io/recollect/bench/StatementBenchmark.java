package io.recollect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.invoicing.CreditorReference;
import io.recollect.reconciliation.BadLinePolicy;
import io.recollect.reconciliation.BankStatementService;
import io.recollect.reconciliation.ImportReport;
import io.recollect.security.Roles;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Imports a camt.053 of {@code bench.lines} lines (10,000 by default) against a seeded set of
 * open invoices, in its own PostgreSQL database (dropped and created): 60 % of the lines carry an
 * invoice's RF reference, 25 % only its amount and the payer's name, 15 % nothing anyone owes.
 * Prints lines/s, wall time, the outcome counts, peak heap and how often a poller saw progress.
 * Run: {@code ./mvnw -Pbench verify -Dtest=StatementBenchmark -Dbench.lines=10000}.
 */
// a web context, as the security configuration needs one
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
class StatementBenchmark {

    static final int LINES = Integer.getInteger("bench.lines", 10_000);
    static final long SEED = Long.getLong("bench.seed", 42);
    static final String DATABASE = System.getProperty("bench.statement-database", "recollect_statement_bench");

    @Autowired
    BankStatementService statements;
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

    /** One open invoice per line to match; a line names it by reference, by amount and payer, or not at all. */
    record Seeded(String number, String reference, BigDecimal amount, String payer) {
    }

    @Test
    void importsALargeCamt053() throws Exception {
        List<Seeded> invoices = seed();
        String xml = statement(invoices);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("bench", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.FINANCE))));
        AtomicInteger progressSeen = new AtomicInteger();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        try {
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            poller.scheduleAtFixedRate(() -> poll(progressSeen), 0, 500, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            ImportReport report = statements.upload(new BankStatementService.Upload("bench.xml",
                    xml.getBytes(StandardCharsets.UTF_8), null, null, null, BadLinePolicy.REFUSE_FILE));
            long millis = (System.nanoTime() - start) / 1_000_000;
            poller.shutdownNow();
            long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("lines", report.lines());
            figures.put("wall time (ms)", millis);
            figures.put("lines/s", Math.round(report.lines() * 1000.0 / Math.max(1, millis)));
            figures.put("matched by reference", report.recorded());
            figures.put("suggested", report.suggested());
            figures.put("exceptions", report.exceptions());
            figures.put("bad lines", report.badLines().size());
            figures.put("peak heap (MB)", peakHeap / (1024 * 1024));
            figures.put("progress polls seeing lines done", progressSeen.get());
            figures.put("statement size (MB)", Math.round(xml.length() / 1024.0 / 1024.0 * 10) / 10.0);
            figures.put("load average at end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            BenchReport.print("StatementBenchmark: camt.053 of " + LINES + " lines", figures,
                    "target/bench/statement-benchmark.json");

            assertThat(report.refused()).isFalse();
            assertThat(report.recorded() + report.suggested() + report.exceptions()).isEqualTo(LINES);
            assertThat(report.recorded()).isEqualTo(LINES * 60 / 100);
            assertThat(jdbc.queryForObject("select count(*) from payments", Integer.class)).isEqualTo(report.recorded());
        } finally {
            poller.shutdownNow();
            SecurityContextHolder.clearContext();
        }
    }

    /** Reads the upload's progress row as the finance page does (scheduled twice a second). */
    private void poll(AtomicInteger seen) {
        Integer done = jdbc.queryForObject("select coalesce(max(lines_processed), 0) from statement_imports"
                + " where status = 'RUNNING'", Integer.class);
        if (done != null && done > 0) {
            seen.incrementAndGet();
        }
    }

    /** A customer per line, each with one open, overdue invoice of a distinct amount. */
    private List<Seeded> seed() {
        Random random = new Random(SEED);
        LocalDate today = businessTime.today(clock);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> customers = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Seeded> seeded = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            UUID customer = UUID.randomUUID();
            String name = "Customer " + i + " " + (char) ('A' + random.nextInt(26)) + "td";
            customers.add(new Object[] {customer, "SB-" + i, name, "c" + i + "@bench.example", "en", "CONSUMER", "B",
                    "EUR", now, 0L});
            String number = "SB" + i;
            BigDecimal amount = BigDecimal.valueOf(100_000L + i * 7L + random.nextInt(7), 2);
            String reference = CreditorReference.of(number);
            rows.add(new Object[] {UUID.randomUUID(), number, customer, "EUR", Date.valueOf(today.minusDays(40)),
                    Date.valueOf(today.minusDays(10)), amount, amount, "ISSUED", now, 0L, reference});
            seeded.add(new Seeded(number, reference, amount, name));
        }
        batch("insert into customers (id, external_ref, name, email, language, segment, risk_band, currency,"
                + " created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", customers);
        batch("insert into invoices (id, number, customer_id, currency, issue_date, due_date, total_amount, open_amount,"
                + " status, created_at, version, payment_reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.execute("analyze");
        return seeded;
    }

    private String statement(List<Seeded> invoices) {
        StringBuilder entries = new StringBuilder();
        LocalDate booked = businessTime.today(clock);
        for (int i = 0; i < invoices.size(); i++) {
            Seeded invoice = invoices.get(i);
            int kind = i % 20;
            String remittance;
            String payer;
            BigDecimal amount = invoice.amount();
            if (kind < 12) {
                remittance = "<Strd><CdtrRefInf><Ref>" + invoice.reference() + "</Ref></CdtrRefInf></Strd>";
                payer = invoice.payer();
            } else if (kind < 17) {
                remittance = "<Ustrd>thank you</Ustrd>";
                payer = invoice.payer();
            } else {
                remittance = "<Ustrd>payment</Ustrd>";
                payer = "Unknown Payer " + i;
                amount = BigDecimal.valueOf(9_000_000L + i, 2);
            }
            entries.append("<Ntry><NtryRef>BENCH-").append(i).append("</NtryRef><Amt Ccy=\"EUR\">")
                    .append(amount.toPlainString()).append("</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>")
                    .append("<BookgDt><Dt>").append(booked).append("</Dt></BookgDt><NtryDtls><TxDtls><Refs><EndToEndId>E")
                    .append(i).append("</EndToEndId></Refs><RltdPties><Dbtr><Pty><Nm>").append(payer)
                    .append("</Nm></Pty></Dbtr></RltdPties><RmtInf>").append(remittance)
                    .append("</RmtInf></TxDtls></NtryDtls></Ntry>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-03-02T06:00:00Z</CreDtTm></GrpHdr>
                    <Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
                """ + entries + "</Stmt></BkToCstmrStmt></Document>\n";
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 5_000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
    }
}
