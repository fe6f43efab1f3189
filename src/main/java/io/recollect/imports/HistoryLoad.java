package io.recollect.imports;

import io.recollect.customers.AccountSchedule;
import io.recollect.customers.CustomerHistory;
import io.recollect.customers.NewCustomer;
import io.recollect.invoicing.InvoiceHistory;
import io.recollect.payments.PaymentHistory;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.BusinessTime;
import io.recollect.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second pass: the checked records written customer by customer, a chunk of whole customers
 * per transaction. Each customer's records and its mark for the collection run commit together,
 * so the run never decides a customer whose payments are still on their way in, and a node that
 * dies mid-import leaves whole customers behind, never half of one.
 */
@Component
class HistoryLoad {

    private static final Logger log = LoggerFactory.getLogger(HistoryLoad.class);

    /** One customer's new records in the spool. */
    static final class Group {
        final String ref;
        HistoryCheck.Fact customer;
        final List<HistoryCheck.Fact> invoices = new ArrayList<>();
        final List<HistoryCheck.Fact> payments = new ArrayList<>();

        Group(String ref) {
            this.ref = ref;
        }

        int size() {
            return (customer == null ? 0 : 1) + invoices.size() + payments.size();
        }
    }

    private final CustomerHistory customers;
    private final InvoiceHistory invoices;
    private final PaymentHistory payments;
    private final AccountSchedule schedule;
    private final ImportRows rows;
    private final TransactionTemplate transaction;
    private final BusinessTime businessTime;
    private final ImportProperties properties;
    private final Clock clock;

    HistoryLoad(CustomerHistory customers, InvoiceHistory invoices, PaymentHistory payments, AccountSchedule schedule,
            ImportRows rows, TransactionTemplate transaction, BusinessTime businessTime, ImportProperties properties,
            Clock clock) {
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.schedule = schedule;
        this.rows = rows;
        this.transaction = transaction;
        this.businessTime = businessTime;
        this.properties = properties;
        this.clock = clock;
    }

    /** Groups the check's new records by customer, in the order customers first appear. */
    static Map<String, Group> groups(HistoryCheck check) {
        Map<String, Group> groups = new LinkedHashMap<>();
        check.customers.values().stream().filter(f -> f.state == HistoryCheck.State.NEW)
                .forEach(f -> groups.computeIfAbsent(f.owner, Group::new).customer = f);
        check.invoices.values().stream().filter(f -> f.state == HistoryCheck.State.NEW)
                .forEach(f -> groups.computeIfAbsent(f.owner, Group::new).invoices.add(f));
        check.payments.values().stream().filter(f -> f.state == HistoryCheck.State.NEW)
                .forEach(f -> groups.computeIfAbsent(f.owner, Group::new).payments.add(f));
        return groups;
    }

    /** Writes the groups in chunks; returns the errors of groups that could not be written. */
    List<ImportError> load(UUID importId, Map<String, Group> groups, Spool spool) {
        List<ImportError> failed = new ArrayList<>();
        List<Group> chunk = new ArrayList<>();
        int records = 0;
        for (Group group : groups.values()) {
            chunk.add(group);
            records += group.size();
            if (records >= properties.chunkSize()) {
                failed.addAll(write(importId, chunk, spool));
                chunk = new ArrayList<>();
                records = 0;
            }
        }
        if (!chunk.isEmpty()) {
            failed.addAll(write(importId, chunk, spool));
        }
        return failed;
    }

    /** A chunk that fails is written again customer by customer, so one bad customer costs only itself. */
    private List<ImportError> write(UUID importId, List<Group> chunk, Spool spool) {
        try {
            transaction.executeWithoutResult(status -> writeChunk(importId, chunk, spool));
            return List.of();
        } catch (RuntimeException e) {
            if (chunk.size() > 1) {
                return chunk.stream().flatMap(group -> write(importId, List.of(group), spool).stream()).toList();
            }
            Group group = chunk.get(0);
            String reason = e instanceof BusinessRuleException rule ? rule.getMessage()
                    : "a conflicting change was made at the same time; import the file again";
            if (!(e instanceof BusinessRuleException)) {
                log.warn("Import {}: one customer's records could not be written: {}", importId, e.getClass().getSimpleName());
            }
            List<HistoryCheck.Fact> facts = new ArrayList<>(group.invoices);
            facts.addAll(group.payments);
            if (group.customer != null) {
                facts.add(0, group.customer);
            }
            return facts.stream().map(f -> new ImportError(f.file, f.line, f.key, null,
                    "not recorded with customer " + group.ref + ": " + reason)).toList();
        }
    }

    private void writeChunk(UUID importId, List<Group> chunk, Spool spool) {
        List<NewCustomer> newCustomers = new ArrayList<>();
        List<String> existingRefs = new ArrayList<>();
        List<ImportedInvoice> newInvoices = new ArrayList<>();
        List<ImportedPayment> newPayments = new ArrayList<>();
        for (Group group : chunk) {
            if (group.customer != null) {
                newCustomers.add(spool.read(group.customer.at, NewCustomer.class));
            } else {
                existingRefs.add(group.ref);
            }
            group.invoices.forEach(f -> newInvoices.add(spool.read(f.at, ImportedInvoice.class)));
            group.payments.forEach(f -> newPayments.add(spool.read(f.at, ImportedPayment.class)));
        }
        Map<String, UUID> existing = customers.lockAll(existingRefs);
        if (existing.size() != existingRefs.size()) {
            throw new BusinessRuleException("customer-gone", "a customer of this chunk is no longer in Recollect");
        }
        Map<String, UUID> ids = new HashMap<>(existing);
        ids.putAll(customers.registerAll(newCustomers));
        InvoiceHistory.Ledger ledger = invoices.ledger(existing.values(),
                newInvoices.stream().map(ImportedInvoice::number).toList());
        newInvoices.forEach(i -> ledger.add(new InvoiceHistory.HistoricInvoice(ids.get(i.customer()), i.number(),
                i.currency(), i.issueDate(), i.dueDate(), i.lines())));
        PaymentHistory.Prepared prepared = payments.prepare(newPayments.stream().map(p -> historic(p, ids)).toList(),
                ledger, new HashSet<>(existing.values()));
        ledger.write();
        prepared.write();
        schedule.decideAllBy(marks(ledger, ids.values()));
        rows.add(importId, new ImportRows.Counts(0, newCustomers.size(), ledger.added(), prepared.count(), 0, 0),
                clock.instant());
    }

    private static PaymentHistory.HistoricPayment historic(ImportedPayment p, Map<String, UUID> ids) {
        Currency currency = Currency.getInstance(p.currency());
        return new PaymentHistory.HistoricPayment(p.externalId(), ids.get(p.payer()), Money.of(p.amount(), currency),
                p.receivedOn(), p.method(), p.reference(), p.allocationsOrNone().stream()
                        .map(a -> new PaymentHistory.Allocation(a.invoiceNumber(), Money.of(a.amount(), currency)))
                        .toList());
    }

    /**
     * The chunk's customers with anything open: an overdue one for the next daily run (a day to
     * look over the import before the first letter), the others for the run after their first
     * due date, as issuing would. Nothing open: nothing to decide.
     */
    private Map<UUID, Instant> marks(InvoiceHistory.Ledger ledger, java.util.Collection<UUID> customerIds) {
        Instant now = clock.instant();
        LocalDate today = businessTime.today(clock);
        Map<UUID, Instant> marks = new HashMap<>();
        Map<UUID, LocalDate> due = ledger.earliestOpenDue();
        for (UUID id : customerIds) {
            LocalDate first = due.get(id);
            if (first != null) {
                marks.put(id, first.isBefore(today) ? businessTime.nextRunAfter(now)
                        : businessTime.runTimeOn(first.plusDays(1)));
            }
        }
        return marks;
    }
}
