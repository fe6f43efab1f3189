package io.recollect.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger of a portfolio a few months in, for the dashboard benchmark: per account 1-3 invoices
 * over the last 200 days (a third partly paid), each emailed; for each account with anything overdue
 * an open case with a decision from each morning run it was decided on (5-60), its reminders (sent,
 * a few failed or still queued), call notes, promises kept, broken or open, disputes; some
 * write-offs; and open tasks in the engine for a sample of cases. Rows go in by JDBC batches,
 * flushed as they are generated so the few million decisions never sit in memory at once.
 */
final class DashboardLedger {

    private static final int BATCH = 5_000;
    /** Most mornings a case waits out its wait days; about one run in five writes to the customer. */
    private static final String[] ACTIONS = {"HOLD", "HOLD", "HOLD", "HOLD", "HOLD", "HOLD", "HOLD", "HOLD", "HOLD",
            "HOLD", "HOLD", "HOLD", "REMIND", "REMIND", "REMIND", "FINAL_NOTICE", "ESCALATE", "OFFER_PLAN", "AGENCY",
            "WRITE_OFF"};
    private static final String[] REASONS = {"UNCOLLECTABLE", "DECEASED", "BANKRUPT", "SMALL_BALANCE", "SETTLEMENT",
            "CHARITY_CARE"};
    private static final String[] GROUPS = {"collectors", "collectors", "collectors", "collection-managers", "finance"};
    /** An email as a customer reads it is a page of HTML; the dashboard scans the table these rows fill. */
    private static final String BODY = "<html><body><p>Dear customer,</p><p>" + "Our records show that invoice"
            + " %s is past its due date. ".repeat(2) + "</p><p>Please pay to IBAN DE89 3704 0044 0532 0130 00 with"
            + " the payment reference shown on the invoice.</p><p>Kind regards,<br>Accounts receivable</p></body></html>";
    private static final String TEXT = "Dear customer, invoice %s is past its due date. Please pay to IBAN"
            + " DE89 3704 0044 0532 0130 00 with the payment reference shown on the invoice. Kind regards";

    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final Random random;
    private final Map<String, Batch> batches = new LinkedHashMap<>();

    DashboardLedger(JdbcTemplate jdbc, TaskService tasks, TransactionTemplate transaction, long seed) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.transaction = transaction;
        this.random = new Random(seed);
        // parents before children: each flush of a child table follows its parents' final flush
        table("customers", "insert into customers (id, external_ref, name, email, language, segment, risk_band,"
                + " currency, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        table("invoices", "insert into invoices (id, number, customer_id, currency, issue_date, due_date, total_amount,"
                + " open_amount, status, created_at, version, written_off_amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        table("payments", "insert into payments (id, external_id, customer_id, amount, currency, received_on, method,"
                + " unapplied_amount, recorded_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        table("payment_allocations", "insert into payment_allocations (id, payment_id, invoice_id, amount)"
                + " values (?, ?, ?, ?)");
        table("collection_cases", "insert into collection_cases (id, customer_id, status, open_customer_id,"
                + " reminders_sent, opened_at, last_action_at, version) values (?, ?, ?, ?, ?, ?, ?, ?)");
        table("decision_records", "insert into decision_records (id, customer_id, case_id, table_name, table_version,"
                + " table_row, inputs, action, dunning_level, wait_days, reason, decided_at, priority, candidate_group,"
                + " rule_label) values (?, ?, ?, 'collection-path', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        table("case_latest_decisions", "insert into case_latest_decisions (case_id, decision_id, action, table_name,"
                + " table_row, decided_at) values (?, ?, ?, 'collection-path', ?, ?)");
        table("communications", "insert into communications (id, customer_id, case_id, invoice_id, channel, kind,"
                + " dunning_level, dedupe_key, recipient, subject, body, text_body, status, attempts, last_error, author,"
                + " created_at, sent_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
        table("promises", "insert into promises (id, case_id, customer_id, promised_date, amount, currency,"
                + " received_amount, status, recorded_by, recorded_at, resolved_at, open_customer_id, version)"
                + " values (?, ?, ?, ?, ?, 'EUR', ?, ?, 'bench', ?, ?, ?, 0)");
        table("disputes", "insert into disputes (id, customer_id, invoice_id, reason, status, raised_by, raised_at,"
                + " resolved_by, resolved_at, open_invoice_id, version) values (?, ?, ?, 'Goods not received', ?,"
                + " 'bench', ?, ?, ?, ?, 0)");
        table("write_offs", "insert into write_offs (id, customer_id, case_id, reason, status, currency,"
                + " requested_amount, posted_amount, requested_by, requested_at, decided_by, decided_at,"
                + " open_customer_id, version) values (?, ?, ?, ?, ?, 'EUR', ?, ?, 'bench', ?, ?, ?, ?, 0)");
        table("write_off_lines", "insert into write_off_lines (id, write_off_id, invoice_id, invoice_number,"
                + " requested_amount, posted_amount) values (?, ?, ?, ?, ?, ?)");
    }

    private record Invoice(UUID id, String number, LocalDate due, BigDecimal open) {
    }

    /** Loads the ledger and returns the rows per table. */
    Map<String, Integer> load(int accounts, LocalDate today, Instant now, int taskSample) {
        List<UUID> sampledCases = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            account(a, today, now, sampledCases, taskSample);
        }
        batches.values().forEach(Batch::flush);
        Map<String, Integer> rows = new LinkedHashMap<>();
        batches.forEach((name, batch) -> rows.put(name, batch.rows));
        batches.forEach((name, batch) -> System.out.printf("DashboardLedger: %s %d rows in %d ms%n", name, batch.rows,
                batch.nanos / 1_000_000));
        rows.put("engine tasks", openTasks(sampledCases, now));
        // a ledger months old has been vacuumed by autovacuum (inserts trigger it since PostgreSQL 13):
        // its visibility map is set, so index-only scans read no heap, as they would in production
        jdbc.execute("vacuum analyze");
        return rows;
    }

    private void account(int a, LocalDate today, Instant now, List<UUID> sampledCases, int taskSample) {
        Timestamp created = Timestamp.from(now.minus(200, ChronoUnit.DAYS));
        UUID customer = UUID.randomUUID();
        String email = "c" + a + "@bench.example";
        add("customers", customer, "BENCH-" + a, "Customer " + a, email, "en", "CONSUMER", "B", "EUR", created, 0L);
        List<Invoice> overdue = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            UUID invoice = UUID.randomUUID();
            String number = "B-" + a + "-" + i;
            LocalDate issued = today.minusDays(random.nextInt(200));
            LocalDate due = issued.plusDays(30);
            BigDecimal total = BigDecimal.valueOf(1_000 + random.nextInt(200_000), 2);
            BigDecimal paid = random.nextInt(3) == 0 ? total.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN)
                    : BigDecimal.ZERO;
            BigDecimal open = total.subtract(paid);
            add("invoices", invoice, number, customer, "EUR", Date.valueOf(issued), Date.valueOf(due), total, open,
                    paid.signum() > 0 ? "PARTIALLY_PAID" : "ISSUED", created, 0L, BigDecimal.ZERO);
            Timestamp sent = morning(issued, 0);
            email(customer, null, invoice, "INVOICE", null, "invoice " + number, email, sent, "SENT", null);
            if (paid.signum() > 0) {
                UUID payment = UUID.randomUUID();
                add("payments", payment, "BP-" + a + "-" + i, customer, paid, "EUR",
                        Date.valueOf(issued.plusDays(random.nextInt(30))), "BANK_TRANSFER", BigDecimal.ZERO, created, 0L);
                add("payment_allocations", UUID.randomUUID(), payment, invoice, paid);
            }
            if (due.isBefore(today)) {
                overdue.add(new Invoice(invoice, number, due, open));
            }
        }
        if (!overdue.isEmpty()) {
            openCase(customer, email, overdue, today, now, sampledCases, taskSample);
        }
    }

    private void openCase(UUID customer, String email, List<Invoice> overdue, LocalDate today, Instant now,
            List<UUID> sampledCases, int taskSample) {
        UUID collectionCase = UUID.randomUUID();
        LocalDate opened = overdue.stream().map(Invoice::due).min(LocalDate::compareTo).orElseThrow().plusDays(1);
        long daysOpen = Math.max(1, ChronoUnit.DAYS.between(opened, today) + 1);
        int decisions = 5 + random.nextInt(56);
        String[] actions = new String[decisions];
        int reminders = 0;
        for (int d = 0; d < decisions; d++) {
            actions[d] = ACTIONS[random.nextInt(ACTIONS.length)];
            reminders += actions[d].equals("REMIND") || actions[d].equals("FINAL_NOTICE") ? 1 : 0;
        }
        // the case before its rows: a flush of decisions or emails may come before the loop ends
        add("collection_cases", collectionCase, customer, "OPEN", customer, reminders,
                Timestamp.from(opened.atTime(6, 0).toInstant(ZoneOffset.UTC)), morning(today, 0), 1L);
        int sent = 0;
        // the morning runs that decided the case, the latest this morning; closer than daily when it is young
        for (int d = 0; d < decisions; d++) {
            long ago = (decisions - 1 - d) * daysOpen / decisions;
            Timestamp at = morning(today.minusDays(ago), d);
            String action = actions[d];
            int level = 1 + Math.min(3, d / 10);
            int row = 1 + random.nextInt(30);
            UUID decision = UUID.randomUUID();
            if (d == decisions - 1) {
                // as CollectionPathDecisions keeps it: the case's latest decision beside the history
                add("case_latest_decisions", collectionCase, decision, action, row, at);
            }
            add("decision_records", decision, customer, collectionCase, "v" + (1 + d / 20), row,
                    "{\"daysPastDue\":" + ChronoUnit.DAYS.between(opened, today.minusDays(ago)) + ",\"overdueAmount\":"
                            + overdue.get(0).open() + ",\"segment\":\"CONSUMER\",\"riskBand\":\"B\",\"remindersSent\":"
                            + sent + ",\"brokenPromises\":0,\"activePlan\":false,\"openDispute\":false,"
                            + "\"hardship\":false}",
                    action, level, 7, "row " + row + " of collection-path", at, 10 * level, GROUPS[d % GROUPS.length],
                    "R" + row);
            if (action.equals("REMIND") || action.equals("FINAL_NOTICE")) {
                int roll = random.nextInt(100);
                String status = roll < 3 ? "FAILED" : roll < 4 ? "QUEUED" : "SENT";
                email(customer, collectionCase, overdue.get(0).id(), "DUNNING", level,
                        "reminder " + level + " for " + overdue.get(0).number(), email, at, status,
                        status.equals("FAILED") ? "550 mailbox unavailable" : null);
                sent++;
            } else if (action.equals("ESCALATE") && random.nextBoolean()) {
                add("communications", UUID.randomUUID(), customer, collectionCase, null, "PHONE", "CONTACT_NOTE", null,
                        UUID.randomUUID().toString(), null, "Call", "Called; customer will pay next week", null,
                        "RECORDED", 0, null, "collector", at, null);
            }
        }
        promises(customer, collectionCase, overdue.get(0).open(), opened, today);
        for (Invoice invoice : overdue) {
            if (random.nextInt(25) == 0) {
                boolean open = random.nextBoolean();
                LocalDate raised = invoice.due().plusDays(1 + random.nextInt((int) daysOpen));
                add("disputes", UUID.randomUUID(), customer, invoice.id(), open ? "OPEN" : random.nextBoolean()
                        ? "UPHELD" : "CREDITED", morning(raised, 30), open ? null : "manager",
                        open ? null : morning(raised.plusDays(7), 31), open ? invoice.id() : null);
            }
        }
        if (random.nextInt(40) == 0) {
            writeOff(customer, collectionCase, overdue.get(overdue.size() - 1), opened, today);
        }
        if (sampledCases.size() < taskSample && random.nextInt(10) == 0) {
            sampledCases.add(collectionCase);
        }
    }

    /** Two in five cases have promised: earlier promises kept or broken, sometimes one still open. */
    private void promises(UUID customer, UUID collectionCase, BigDecimal amount, LocalDate opened, LocalDate today) {
        if (random.nextInt(5) >= 2) {
            return;
        }
        int n = 1 + random.nextInt(3);
        for (int p = 0; p < n; p++) {
            LocalDate recorded = opened.plusDays(random.nextInt((int) Math.max(1, opened.until(today, ChronoUnit.DAYS))));
            LocalDate promised = recorded.plusDays(7);
            boolean open = p == n - 1 && !promised.isBefore(today) || p == n - 1 && random.nextInt(4) == 0;
            boolean kept = !open && random.nextInt(3) > 0;
            add("promises", UUID.randomUUID(), collectionCase, customer, Date.valueOf(promised), amount,
                    kept ? amount : BigDecimal.ZERO, open ? "OPEN" : kept ? "KEPT" : "BROKEN", morning(recorded, 40),
                    open ? null : morning(promised.plusDays(1), 41), open ? customer : null);
        }
    }

    private void writeOff(UUID customer, UUID collectionCase, Invoice invoice, LocalDate opened, LocalDate today) {
        UUID writeOff = UUID.randomUUID();
        boolean requested = random.nextInt(5) == 0;
        LocalDate asked = today.minusDays(random.nextInt((int) Math.max(1, opened.until(today, ChronoUnit.DAYS))));
        add("write_offs", writeOff, customer, collectionCase, REASONS[random.nextInt(REASONS.length)],
                requested ? "REQUESTED" : "POSTED", invoice.open(), requested ? null : invoice.open(), morning(asked, 50),
                requested ? null : "manager", requested ? null : morning(asked.plusDays(1), 51), requested ? customer : null);
        add("write_off_lines", UUID.randomUUID(), writeOff, invoice.id(), invoice.number(), invoice.open(),
                requested ? null : invoice.open());
    }

    private void email(UUID customer, UUID collectionCase, UUID invoice, String kind, Integer level, String about,
            String recipient, Timestamp at, String status, String error) {
        add("communications", UUID.randomUUID(), customer, collectionCase, invoice, "EMAIL", kind, level,
                UUID.randomUUID().toString(), recipient, "About " + about, BODY.formatted(about, about),
                TEXT.formatted(about), status, status.equals("QUEUED") ? 0 : 1, error, null, at,
                status.equals("SENT") ? at : null);
    }

    /**
     * Open tasks as the engine holds them (ACT_RU_TASK and its candidate links), for a sample of the
     * cases: standalone tasks, created through the engine's API in transactions of a few hundred,
     * a quarter already past their due date. The dashboard counts them per candidate group.
     */
    private int openTasks(List<UUID> cases, Instant now) {
        for (int from = 0; from < cases.size(); from += 500) {
            List<UUID> chunk = cases.subList(from, Math.min(cases.size(), from + 500));
            transaction.executeWithoutResult(status -> {
                for (UUID collectionCase : chunk) {
                    Task task = tasks.newTask();
                    task.setName("Contact customer");
                    task.setDescription("Case " + collectionCase);
                    task.setPriority(50 + random.nextInt(50));
                    task.setDueDate(java.util.Date.from(now.plus(random.nextInt(4) == 0 ? -2 : 3, ChronoUnit.DAYS)));
                    tasks.saveTask(task);
                    tasks.addCandidateGroup(task.getId(), GROUPS[random.nextInt(GROUPS.length)]);
                }
            });
        }
        return cases.size();
    }

    /** A morning run's instant on a day, a few seconds apart so rows of one case do not tie. */
    private static Timestamp morning(LocalDate day, int second) {
        return Timestamp.from(day.atTime(6, 0, second % 60).toInstant(ZoneOffset.UTC));
    }

    private void table(String name, String sql) {
        batches.put(name, new Batch(sql));
    }

    private void add(String table, Object... row) {
        Batch batch = batches.get(table);
        batch.pending.add(row);
        batch.rows++;
        if (batch.pending.size() == BATCH) {
            // a child's rows may cite parents still pending: flush every table up to this one
            for (Batch each : batches.values()) {
                each.flush();
                if (each == batch) {
                    break;
                }
            }
        }
    }

    private final class Batch {
        final String sql;
        final List<Object[]> pending = new ArrayList<>();
        int rows;
        long nanos;

        Batch(String sql) {
            this.sql = sql;
        }

        void flush() {
            if (!pending.isEmpty()) {
                long start = System.nanoTime();
                jdbc.batchUpdate(sql, pending);
                nanos += System.nanoTime() - start;
                pending.clear();
            }
        }
    }
}
