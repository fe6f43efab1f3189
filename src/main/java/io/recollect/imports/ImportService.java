package io.recollect.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recollect.customers.CustomerHistory;
import io.recollect.invoicing.InvoiceHistory;
import io.recollect.payments.PaymentHistory;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.BusinessTime;
import io.recollect.shared.NotFoundException;
import io.recollect.shared.NotPermittedException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Onboarding a portfolio with its history: checks a whole file first (all or nothing when the
 * uploader refuses bad lines), then loads it customer by customer. No invoice email goes out for
 * history and nothing is decided before a customer's records are all in; the run decides the
 * imported accounts afterwards. The same file twice changes nothing.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    public static final int ERRORS_PER_PAGE = 100;
    private static final int HEARTBEAT_EVERY = 1_000;

    private final CustomerHistory customers;
    private final InvoiceHistory invoices;
    private final PaymentHistory payments;
    private final HistoryLoad load;
    private final ImportRows rows;
    private final TransactionTemplate transaction;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final ObjectMapper json;
    private final ObjectMapper spoolJson;
    private final Validator validator;
    private final ImportProperties properties;

    ImportService(CustomerHistory customers, InvoiceHistory invoices, PaymentHistory payments, HistoryLoad load,
            ImportRows rows, TransactionTemplate transaction, BusinessTime businessTime, Clock clock,
            ObjectMapper json, Validator validator, ImportProperties properties) {
        this.properties = properties;
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.load = load;
        this.rows = rows;
        this.transaction = transaction;
        this.businessTime = businessTime;
        this.clock = clock;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.spoolJson = json;
        this.validator = validator;
    }

    /** A file in JSON lines. */
    public ImportView importJsonLines(InputStream body, OnBadLines onBadLines) {
        return run(ImportFormat.JSON_LINES, onBadLines,
                check -> new JsonLinesSource(json, validator).read(body, check::accept));
    }

    /** CSV files by kind: customers, invoices, payments (any may be absent). */
    public ImportView importCsv(InputStream customerFile, InputStream invoiceFile, InputStream paymentFile,
            OnBadLines onBadLines) {
        if (customerFile == null && invoiceFile == null && paymentFile == null) {
            throw new BusinessRuleException("import-empty", "Send at least one of the CSV files customers, invoices"
                    + " and payments");
        }
        return run(ImportFormat.CSV, onBadLines, check -> {
            CsvSource csv = new CsvSource(json, validator);
            if (customerFile != null) {
                csv.read(RecordKind.CUSTOMER, customerFile, check::accept);
            }
            if (invoiceFile != null) {
                csv.read(RecordKind.INVOICE, invoiceFile, check::accept);
            }
            if (paymentFile != null) {
                csv.read(RecordKind.PAYMENT, paymentFile, check::accept);
            }
        });
    }

    private interface Reading {
        void into(Consumer<SourceRecord> check) throws IOException;
    }

    /** Passes records to the check and shows every thousandth that this node still works on the import. */
    private Consumer<SourceRecord> beating(UUID id, HistoryCheck check) {
        int[] seen = {0};
        return record -> {
            check.accept(record);
            if (++seen[0] % HEARTBEAT_EVERY == 0) {
                transaction.executeWithoutResult(status -> rows.touch(id, clock.instant()));
            }
        };
    }

    private ImportView run(ImportFormat format, OnBadLines onBadLines, Reading reading) {
        requireRole();
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> rows.insert(id, format, onBadLines, Actors.current(), clock.instant()));
        try (Spool spool = new Spool(spoolJson)) {
            HistoryCheck check = new HistoryCheck(customers, invoices, payments, spool, businessTime.today(clock));
            reading.into(beating(id, check));
            check.finish();
            if (check.read == 0) {
                finish(id, ImportStatus.REFUSED, List.of(new ImportError(null, 1, null, null, "the file holds no record")), 0, 0);
                return view(id, 0, ERRORS_PER_PAGE);
            }
            List<ImportError> errors = check.errors.stream()
                    .sorted(java.util.Comparator.comparing((ImportError e) -> e.file() == null ? "" : e.file())
                            .thenComparingInt(ImportError::line)).toList();
            if (!errors.isEmpty() && onBadLines == OnBadLines.REFUSE_FILE) {
                finish(id, ImportStatus.REFUSED, errors, check.read, check.unchanged);
                return view(id, 0, ERRORS_PER_PAGE);
            }
            saveErrors(id, 0, errors);
            rows.add(id, new ImportRows.Counts(check.read, 0, 0, 0, check.unchanged, errors.size()), clock.instant());
            List<ImportError> failed = load.load(id, HistoryLoad.groups(check), spool);
            finish(id, ImportStatus.COMPLETED, failed, 0, 0, errors.size());
            return view(id, 0, ERRORS_PER_PAGE);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Import {} stopped: the upload could not be read ({})", id, e.getClass().getSimpleName());
            finish(id, ImportStatus.FAILED, List.of(new ImportError(null, 0, null, null,
                    "the upload could not be read to its end; send the file again")), 0, 0);
            return view(id, 0, ERRORS_PER_PAGE);
        } catch (RuntimeException e) {
            transaction.executeWithoutResult(status -> rows.finish(id, ImportStatus.FAILED, clock.instant()));
            throw e;
        }
    }

    private void finish(UUID id, ImportStatus status, List<ImportError> errors, int read, int unchanged) {
        finish(id, status, errors, read, unchanged, 0);
    }

    private void finish(UUID id, ImportStatus status, List<ImportError> errors, int read, int unchanged, int firstSeq) {
        transaction.executeWithoutResult(s -> {
            saveErrors(id, firstSeq, errors);
            rows.add(id, new ImportRows.Counts(read, 0, 0, 0, unchanged, errors.size()), clock.instant());
            rows.finish(id, status, clock.instant());
        });
    }

    private void saveErrors(UUID id, int firstSeq, List<ImportError> errors) {
        for (int from = 0; from < errors.size(); from += 1_000) {
            int start = from;
            transaction.executeWithoutResult(s -> rows.addErrors(id, firstSeq + start,
                    errors.subList(start, Math.min(errors.size(), start + 1_000))));
        }
    }

    /** The import with one page of its errors (by line). */
    public ImportView view(UUID id, int page, int size) {
        requireRole();
        return transaction.execute(status -> {
            ImportView view = rows.find(id).orElseThrow(() -> new NotFoundException("Import", id))
                    .asSeenAt(staleBefore());
            return view.withErrors(new ImportView.ErrorPage(page, size, view.errors(), rows.errors(id, page, size)));
        });
    }

    /** The latest imports, newest first: progress of those still running. */
    public List<ImportView> recent() {
        requireRole();
        Instant staleBefore = staleBefore();
        return transaction.execute(status -> rows.recent(20).stream().map(v -> v.asSeenAt(staleBefore)).toList());
    }

    private Instant staleBefore() {
        return clock.instant().minus(properties.interruptedAfter());
    }

    /** Checked here as well as on the URL, so no other door gets round it. */
    private static void requireRole() {
        CurrentUser.get().filter(user -> !user.inAny(Roles.ADMIN, Roles.INTEGRATIONS)).ifPresent(user -> {
            throw new NotPermittedException("not-permitted", "Only integrations and admins import history");
        });
    }

}
