package io.recollect.bench;

import io.recollect.bench.Portfolio.Account;
import io.recollect.bench.Portfolio.Invoice;
import io.recollect.bench.Portfolio.Kind;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a portfolio in bulk: ledger rows by JDBC batches, each account marked to be decided by
 * the morning run (or by the run after its first due date), one invoice-to-cash process per
 * invoice waiting for settlement (its email sent long ago), an open case with a pending promise
 * for promised accounts and a resolution task for disputed ones.
 */
final class PortfolioLoader {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    PortfolioLoader(JdbcTemplate jdbc, RuntimeService runtime, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.transaction = transaction;
    }

    void load(Portfolio portfolio, Instant loadedAt, Instant morningRun, int threads) throws Exception {
        Timestamp now = Timestamp.from(loadedAt);
        List<Account> accounts = portfolio.accounts();
        batches(accounts, chunk -> jdbc.batchUpdate("insert into customers (id, external_ref, name, email, language,"
                + " segment, risk_band, currency, created_at, version, hardship, decide_at)"
                + " values (?,?,?,?,'en',?,?,'EUR',?,0,?,?)",
                chunk.stream().map(a -> new Object[] {a.customerId(), a.ref(), "Customer " + a.ref(),
                        a.ref().toLowerCase() + "@bench.example", a.segment(), a.riskBand(), now,
                        a.kind() == Kind.HARDSHIP, Timestamp.from(decideAt(a, portfolio, morningRun))}).toList()));
        List<Object[]> invoices = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        for (Account account : accounts) {
            for (Invoice invoice : account.invoices()) {
                invoices.add(new Object[] {invoice.id(), invoice.number(), account.customerId(),
                        Date.valueOf(invoice.issued()), Date.valueOf(invoice.due()), invoice.amount(), invoice.amount(),
                        now, now});
                lines.add(new Object[] {UUID.randomUUID(), invoice.id(), invoice.amount(), invoice.amount()});
            }
        }
        batches(invoices, chunk -> jdbc.batchUpdate("insert into invoices (id, number, customer_id, currency, issue_date,"
                + " due_date, total_amount, open_amount, status, created_at, issued_at, version, credited_amount,"
                + " written_off_amount) values (?,?,?,'EUR',?,?,?,?,'ISSUED',?,?,0,0,0)", chunk));
        batches(lines, chunk -> jdbc.batchUpdate("insert into invoice_lines (id, invoice_id, line_no, description,"
                + " quantity, unit_price, tax_rate, line_total) values (?,?,1,'Services',1,?,0,?)", chunk));
        loadSideStates(portfolio, now);
        startInvoiceProcesses(portfolio, morningRun, threads);
    }

    /** The morning run for an account with anything overdue, else the run of the day after its first due date. */
    private static Instant decideAt(Account account, Portfolio portfolio, Instant morningRun) {
        return account.invoices().stream().map(invoice -> invoice.overdueOn(portfolio.businessDate()) ? morningRun
                        : invoice.due().plusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC))
                .min(Instant::compareTo).orElse(morningRun);
    }

    private void loadSideStates(Portfolio portfolio, Timestamp now) {
        for (Account account : portfolio.accounts()) {
            switch (account.kind()) {
                case PAUSED -> jdbc.update("insert into dunning_pauses (id, customer_id, reason, paused_until, paused_by,"
                        + " paused_at, version, open_customer_id) values (?,?,'Bereavement',?,'bench',?,0,?)",
                        UUID.randomUUID(), account.customerId(), Date.valueOf(portfolio.businessDate().plusDays(10)),
                        now, account.customerId());
                case DISPUTED -> disputed(account, now);
                case PROMISED -> promised(account, portfolio, now);
                default -> { }
            }
        }
    }

    private void disputed(Account account, Timestamp now) {
        UUID dispute = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            jdbc.update("insert into disputes (id, customer_id, invoice_id, reason, status, raised_by, raised_at, version,"
                    + " open_invoice_id) values (?,?,?,'Not delivered','OPEN','bench',?,0,?)", dispute,
                    account.customerId(), account.oldest().id(), now, account.oldest().id());
            runtime.startProcessInstanceByKey("dispute", dispute.toString(), Map.of("disputeId", dispute.toString(),
                    "customerId", account.customerId().toString(), "invoiceId", account.oldest().id().toString(),
                    "taskDueDate", java.util.Date.from(now.toInstant().plusSeconds(5 * 86_400))));
        });
    }

    /** A case opened ten days ago, one reminder sent, a promise pending. */
    private void promised(Account account, Portfolio portfolio, Timestamp now) {
        UUID caseId = UUID.randomUUID();
        Timestamp opened = Timestamp.from(now.toInstant().minusSeconds(10 * 86_400));
        transaction.executeWithoutResult(status -> {
            jdbc.update("insert into collection_cases (id, customer_id, status, open_customer_id, reminders_sent, opened_at,"
                    + " last_action_at, version) values (?,?,'OPEN',?,1,?,?,0)", caseId, account.customerId(),
                    account.customerId(), opened, opened);
            jdbc.update("insert into promises (id, case_id, customer_id, promised_date, amount, currency, received_amount,"
                    + " status, recorded_by, recorded_at, version, open_customer_id)"
                    + " values (?,?,?,?,?,'EUR',0,'OPEN','bench',?,0,?)",
                    UUID.randomUUID(), caseId, account.customerId(),
                    Date.valueOf(portfolio.businessDate().plusDays(3)), account.oldest().amount(), now,
                    account.customerId());
        });
    }

    private void startInvoiceProcesses(Portfolio portfolio, Instant morningRun, int threads) throws Exception {
        List<Object[]> starts = new ArrayList<>();
        for (Account account : portfolio.accounts()) {
            for (Invoice invoice : account.invoices()) {
                starts.add(new Object[] {invoice, account.customerId()});
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int from = 0; from < starts.size(); from += 100) {
            List<Object[]> chunk = starts.subList(from, Math.min(from + 100, starts.size()));
            done.add(pool.submit(() -> transaction.executeWithoutResult(status -> chunk.forEach(start -> {
                Invoice invoice = (Invoice) start[0];
                runtime.createProcessInstanceByKey("invoice-to-cash").businessKey(invoice.number())
                        .setVariables(Map.of("invoiceId", invoice.id().toString(), "customerId", start[1].toString()))
                        .startBeforeActivity("Event_InvoiceSettled").execute();
            }))));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }

    private static <T> void batches(List<T> rows, java.util.function.Consumer<List<T>> insert) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            insert.accept(rows.subList(from, Math.min(from + BATCH, rows.size())));
        }
    }
}
