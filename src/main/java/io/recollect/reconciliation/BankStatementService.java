package io.recollect.reconciliation;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceView;
import io.recollect.payments.NewPayment;
import io.recollect.payments.PaymentService;
import io.recollect.payments.PaymentView;
import io.recollect.reconciliation.ImportReport.LineOutcome;
import io.recollect.reconciliation.ImportReport.LineResult;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.BusinessTime;
import io.recollect.shared.ConflictException;
import io.recollect.shared.NotFoundException;
import io.recollect.shared.NotPermittedException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports bank statements: refuses a malformed file whole, records what a structured reference
 * names, and leaves the rest to finance as Tasklist tasks with suggestions. A line id is taken
 * once, so uploading a statement again changes nothing. One transaction per upload: a file is in
 * or out, never half.
 */
@Service
public class BankStatementService {

    /** Payments recorded from a statement line carry this before the line id as their external id. */
    static final String EXTERNAL_ID_PREFIX = "bank:";
    private static final int MAX_LINE_ID = 100 - EXTERNAL_ID_PREFIX.length();
    private static final int CHUNK = 500;
    private static final int PROGRESS_EVERY = 100;

    private final StatementMatcher matcher;
    private final PaymentService payments;
    private final CustomerService customers;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final StatementImports imports;
    private final EntityManager entities;

    BankStatementService(StatementMatcher matcher, PaymentService payments, CustomerService customers,
            TaskService tasks, JdbcTemplate jdbc, TransactionTemplate transaction, BusinessTime businessTime,
            Clock clock, StatementImports imports, EntityManager entities) {
        this.imports = imports;
        this.entities = entities;
        this.matcher = matcher;
        this.payments = payments;
        this.customers = customers;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** An upload: the file, how to read it (null format: told by its content), and what to do with bad lines. */
    public record Upload(String fileName, byte[] content, StatementFormat format, CsvColumns columns,
            String currency, BadLinePolicy onBadLines) {
    }

    public ImportReport upload(Upload upload) {
        requireFinance();
        UUID importId = UUID.randomUUID();
        imports.started(importId, upload.fileName(), Actors.current());
        return upload(upload, importId);
    }

    /** Imports under a progress row already started; the row ends DONE, REFUSED or FAILED, whatever happens. */
    ImportReport upload(Upload upload, UUID importId) {
        requireFinance();
        try {
            ImportReport report = importStatement(upload, importId);
            imports.finished(importId, report);
            return report;
        } catch (BusinessRuleException refused) {
            imports.ended(importId, ImportProgress.Status.REFUSED, refused.getMessage());
            throw refused;
        } catch (RuntimeException broken) {
            imports.ended(importId, ImportProgress.Status.FAILED, "The import broke off and recorded nothing;"
                    + " uploading the file again is safe");
            throw broken;
        }
    }

    private ImportReport importStatement(Upload upload, UUID importId) {
        ParsedStatement parsed = parse(upload);
        imports.read(importId, parsed.lines().size() + parsed.badLines().size());
        String currency = checkCurrency(parsed, upload.currency());
        List<BadLine> bad = new ArrayList<>(parsed.badLines());
        List<StatementLine> good = new ArrayList<>();
        LocalDate today = businessTime.today(clock);
        for (StatementLine line : parsed.lines()) {
            String problem = problemWith(line, currency, today);
            if (problem == null) {
                good.add(line);
            } else {
                bad.add(new BadLine(line.lineNo(), problem));
            }
        }
        bad.sort(java.util.Comparator.comparingInt(BadLine::line));
        if (!bad.isEmpty() && upload.onBadLines() != BadLinePolicy.IMPORT_REST) {
            return new ImportReport(null, parsed.format(), true, parsed.lines().size() + parsed.badLines().size(),
                    0, 0, 0, 0, bad, List.of());
        }
        try {
            return transaction.execute(status -> record(upload, importId, parsed.format(), good, bad));
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException("statement-uploaded-concurrently", "Some lines of this statement were imported"
                    + " by another upload at the same moment; upload it again to import what is left");
        }
    }

    private ParsedStatement parse(Upload upload) {
        String text = new String(upload.content(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        if (text.isBlank()) {
            throw new StatementRefused("statement-empty", "The file is empty");
        }
        StatementFormat format = upload.format() != null ? upload.format()
                : text.stripLeading().startsWith("<") ? StatementFormat.CAMT053 : StatementFormat.CSV;
        ParsedStatement parsed = format == StatementFormat.CSV ? CsvStatements.parse(text, upload.columns())
                : CamtStatements.parse(text);
        Map<String, Integer> seen = new HashMap<>();
        for (StatementLine line : parsed.lines()) {
            Integer first = seen.putIfAbsent(line.lineId(), line.lineNo());
            if (first != null) {
                throw new StatementRefused("statement-duplicate-line-ids", "Lines " + first + " and " + line.lineNo()
                        + " have the same id " + line.lineId() + "; a statement names each line once");
            }
        }
        return parsed;
    }

    /** Every line in the one currency of the statement's account (or of the upload, or of its first line). */
    private static String checkCurrency(ParsedStatement parsed, String asked) {
        String currency = asked != null && !asked.isBlank() ? asked.trim().toUpperCase()
                : parsed.currency() != null ? parsed.currency()
                : parsed.lines().isEmpty() ? null : parsed.lines().get(0).currency();
        if (currency == null) {
            return null;
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new StatementRefused("statement-wrong-currency", currency + " is not an ISO 4217 currency");
        }
        for (StatementLine line : parsed.lines()) {
            if (!currency.equals(line.currency())) {
                throw new StatementRefused("statement-wrong-currency", "Line " + line.lineNo() + " is in "
                        + line.currency() + ", the statement is in " + currency);
            }
        }
        return currency;
    }

    private static String problemWith(StatementLine line, String currency, LocalDate today) {
        if (line.lineId().length() > MAX_LINE_ID) {
            return "Line " + line.lineNo() + ": its id is longer than " + MAX_LINE_ID + " characters";
        }
        if (line.amount().signum() <= 0) {
            return "Line " + line.lineNo() + ": the amount " + line.amount().toPlainString() + " is not a credit";
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (line.amount().stripTrailingZeros().scale() > digits) {
            return "Line " + line.lineNo() + ": " + line.amount().toPlainString() + " has more than " + digits
                    + " decimals for " + currency;
        }
        if (line.bookedOn().isAfter(today)) {
            return "Line " + line.lineNo() + ": booked on " + line.bookedOn() + ", after today (" + today + ")";
        }
        return null;
    }

    private ImportReport record(Upload upload, UUID importId, StatementFormat format, List<StatementLine> lines,
            List<BadLine> bad) {
        UUID statementId = UUID.randomUUID();
        Set<String> known = knownLineIds(lines);
        List<LineResult> results = new ArrayList<>();
        int recorded = 0;
        int suggested = 0;
        int exceptions = 0;
        jdbc.update("insert into bank_statements (id, file_name, format, uploaded_by, uploaded_at, line_count, recorded,"
                + " suggested, exceptions, already_known, bad_lines) values (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)",
                statementId, upload.fileName(), format.name(), Actors.current(), clock.instant().atOffset(ZoneOffset.UTC));
        int done = bad.size();
        for (StatementLine line : lines) {
            if (++done % PROGRESS_EVERY == 0) {
                imports.processed(importId, done);
                // The statement is one transaction: without this every query would dirty-check all
                // payments recorded so far, and a long statement would slow down with its square.
                entities.flush();
                entities.clear();
            }
            if (known.contains(line.lineId())) {
                results.add(new LineResult(line.lineNo(), line.lineId(), LineOutcome.ALREADY_IMPORTED, null, null, null,
                        List.of()));
                continue;
            }
            LineResult result = match(statementId, line);
            results.add(result);
            switch (result.outcome()) {
                case RECORDED -> recorded++;
                case SUGGESTED -> suggested++;
                default -> exceptions++;
            }
        }
        int already = known.size();
        jdbc.update("update bank_statements set line_count = ?, recorded = ?, suggested = ?, exceptions = ?,"
                + " already_known = ?, bad_lines = ? where id = ?", lines.size() + bad.size(), recorded, suggested,
                exceptions, already, bad.size(), statementId);
        return new ImportReport(statementId, format, false, lines.size() + bad.size(), recorded, suggested, exceptions,
                already, bad, results);
    }

    private Set<String> knownLineIds(List<StatementLine> lines) {
        Set<String> known = new HashSet<>();
        List<String> ids = lines.stream().map(StatementLine::lineId).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            known.addAll(jdbc.queryForList("select line_id from bank_statement_lines where line_id in ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", String.class,
                    chunk.toArray()));
        }
        return known;
    }

    private LineResult match(UUID statementId, StatementLine line) {
        var byReference = matcher.byReference(line.reference())
                .filter(invoice -> invoice.total().currency().getCurrencyCode().equals(line.currency()));
        if (byReference.isPresent()) {
            PaymentView payment = recordFor(line, byReference.get());
            insertLine(statementId, line, LineOutcome.RECORDED, payment.customerId(), byReference.get().number(),
                    payment.id(), List.of(), null);
            return new LineResult(line.lineNo(), line.lineId(), LineOutcome.RECORDED, byReference.get().number(),
                    payment.id(), null, List.of());
        }
        StatementMatcher.Candidates candidates = matcher.candidates(line);
        LineOutcome outcome = candidates.suggested().isPresent() ? LineOutcome.SUGGESTED : LineOutcome.EXCEPTION;
        String suggestedNumber = candidates.suggested().map(InvoiceView::number).orElse(null);
        String taskId = openTask(line, outcome, candidates.described());
        insertLine(statementId, line, outcome, null, suggestedNumber, null, candidates.described(), taskId);
        return new LineResult(line.lineNo(), line.lineId(), outcome, suggestedNumber, null, taskId,
                candidates.described());
    }

    /** The named invoice takes what it has open; anything more pays the customer's other invoices or stays as credit. */
    private PaymentView recordFor(StatementLine line, InvoiceView invoice) {
        List<NewPayment.Allocation> allocations = null;
        if (invoice.status().isOpen()) {
            BigDecimal take = line.amount().min(invoice.openAmount().amount());
            allocations = List.of(new NewPayment.Allocation(invoice.number(), take));
        }
        String reference = line.reference() == null ? null
                : line.reference().substring(0, Math.min(140, line.reference().length()));
        return payments.record(new NewPayment(EXTERNAL_ID_PREFIX + line.lineId(), invoice.customerId(), line.amount(),
                line.currency(), line.bookedOn(), "BANK_TRANSFER", reference, allocations)).payment();
    }

    private String openTask(StatementLine line, LineOutcome outcome, List<String> suggestions) {
        Task task = tasks.newTask();
        task.setName((outcome == LineOutcome.SUGGESTED ? "Confirm match of bank line " : "Match bank line ")
                + line.lineId() + ": " + line.currency() + " " + line.amount().toPlainString());
        task.setDescription("Booked " + line.bookedOn() + " from " + (line.payerName() == null ? "an unnamed payer"
                : line.payerName()) + (line.payerIban() == null ? "" : " (" + line.payerIban() + ")")
                + ", reference: " + (line.reference() == null ? "none" : line.reference())
                + (suggestions.isEmpty() ? ". No open invoice of this amount." : ". Suggestions: "
                + String.join("; ", suggestions))
                + ". Match with POST /api/bank-statements/lines/" + line.lineId() + "/match.");
        task.setPriority(outcome == LineOutcome.SUGGESTED ? 40 : 60);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), Roles.FINANCE);
        return task.getId();
    }

    private void insertLine(UUID statementId, StatementLine line, LineOutcome outcome, UUID customerId,
            String invoiceNumber, UUID paymentId, List<String> suggestions, String taskId) {
        String described = String.join("\n", suggestions);
        jdbc.update("insert into bank_statement_lines (id, statement_id, line_id, line_no, booked_on, amount, currency,"
                + " reference, payer_name, payer_iban, outcome, customer_id, invoice_number, payment_id, suggestions,"
                + " task_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), statementId,
                line.lineId(), line.lineNo(), line.bookedOn(), line.amount(), line.currency(),
                cut(line.reference(), 500), cut(line.payerName(), 140), cut(line.payerIban(), 34), outcome.name(),
                customerId, invoiceNumber, paymentId, cut(described, 2000), taskId);
    }

    /**
     * Finance matches a waiting line to an invoice by its number: the payment is recorded for the
     * invoice's customer and the line's task completed.
     */
    public LineResult matchByHand(String lineId, String invoiceNumber) {
        requireFinance();
        return transaction.execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList("select line_no, booked_on, amount, currency, reference,"
                    + " payer_name, payer_iban, outcome, task_id from bank_statement_lines where line_id = ?", lineId);
            if (rows.isEmpty()) {
                throw new NotFoundException("Bank statement line", lineId);
            }
            Map<String, Object> row = rows.get(0);
            if (LineOutcome.RECORDED.name().equals(row.get("outcome"))) {
                throw new ConflictException("line-already-matched", "Bank line " + lineId + " is matched already");
            }
            StatementLine line = new StatementLine(((Number) row.get("line_no")).intValue(), lineId,
                    ((java.sql.Date) row.get("booked_on")).toLocalDate(), (BigDecimal) row.get("amount"),
                    (String) row.get("currency"), (String) row.get("reference"), (String) row.get("payer_name"),
                    (String) row.get("payer_iban"));
            InvoiceView invoice = matcher.byReference(invoiceNumber).orElseThrow(() -> new BusinessRuleException(
                    "invoice-not-found", "No invoice is numbered or referenced " + invoiceNumber));
            CustomerView customer = customers.get(invoice.customerId());
            if (!customer.currency().equals(line.currency())) {
                throw new BusinessRuleException("currency-mismatch", "Invoice " + invoice.number() + " is in "
                        + customer.currency() + ", the bank line in " + line.currency());
            }
            PaymentView payment = recordFor(line, invoice);
            jdbc.update("update bank_statement_lines set outcome = ?, customer_id = ?, invoice_number = ?, payment_id = ?"
                    + " where line_id = ?", LineOutcome.RECORDED.name(), customer.id(), invoice.number(), payment.id(),
                    lineId);
            String taskId = (String) row.get("task_id");
            if (taskId != null && tasks.createTaskQuery().taskId(taskId).count() > 0) {
                tasks.complete(taskId);
            }
            return new LineResult(line.lineNo(), lineId, LineOutcome.RECORDED, invoice.number(), payment.id(), null,
                    List.of());
        });
    }

    private static String cut(String text, int max) {
        return text == null ? null : text.substring(0, Math.min(max, text.length()));
    }

    static void requireFinance() {
        CurrentUser.get().filter(user -> !user.inAny(Roles.FINANCE, Roles.ADMIN)).ifPresent(user -> {
            throw new NotPermittedException("not-permitted", "Only finance imports and matches bank statements");
        });
    }
}
