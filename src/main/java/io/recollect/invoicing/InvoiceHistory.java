package io.recollect.invoicing;

import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices that were issued and sent by the system Recollect replaces (module imports). They are
 * recorded as issued without an invoice-to-cash process, so no invoice email goes out: nothing
 * else needs the process (settling correlates with whatever waits, none here; write-offs and
 * credits go through {@link InvoiceService}; a reversal that reopens a settled one starts a
 * waiting process then). The caller checks who may do this and marks the accounts.
 */
@Service
public class InvoiceHistory {

    private final EntityManager entities;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoiceHistory(EntityManager entities, NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events,
            Clock clock) {
        this.entities = entities;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The invoices with these numbers, with their lines, by number; numbers nobody has are absent. */
    @Transactional(readOnly = true)
    public Map<String, InvoiceView> findByNumbers(Collection<String> numbers) {
        Map<String, InvoiceView> found = new HashMap<>();
        if (!numbers.isEmpty()) {
            entities.createQuery("select distinct i from Invoice i left join fetch i.lines where i.number in :numbers",
                    Invoice.class).setParameter("numbers", numbers).getResultList()
                    .forEach(i -> found.put(i.getNumber(), InvoiceView.of(i)));
        }
        return found;
    }

    /** The numbers of these invoices, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, String> numbers(Collection<UUID> ids) {
        Map<UUID, String> numbers = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, number from invoices where id in (:ids)", Map.of("ids", ids),
                    rs -> {
                        numbers.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return numbers;
    }

    /** What the lines come to, tax included, each line rounded to the currency's minor unit as on an invoice. */
    public static Money totalOf(String currency, List<NewInvoice.Line> lines) {
        Invoice draft = new Invoice("total", UUID.randomUUID(), java.util.Currency.getInstance(currency),
                LocalDate.EPOCH, LocalDate.EPOCH, Instant.EPOCH);
        lines.forEach(line -> draft.addLine(line.serviceCode(), line.description(), line.quantity(), line.unitPrice(),
                line.taxRate()));
        return draft.getTotal();
    }

    /** An invoice of the history: its customer (by id), number, dates and lines. */
    public record HistoricInvoice(UUID customerId, String number, String currency, LocalDate issueDate,
            LocalDate dueDate, List<NewInvoice.Line> lines) {
    }

    /**
     * A ledger for one chunk of the import, in the caller's transaction: the open invoices of the
     * existing customers named, locked, and the chunk's new invoices, to which its payments are
     * applied before anything is written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Ledger ledger(Collection<UUID> existingCustomers, Collection<String> newNumbers) {
        List<Invoice> open = existingCustomers.isEmpty() ? List.of() : entities.createQuery(
                "select i from Invoice i where i.customerId in :ids and i.status in"
                        + " (io.recollect.invoicing.InvoiceStatus.ISSUED, io.recollect.invoicing.InvoiceStatus.PARTIALLY_PAID)"
                        + " order by i.dueDate, i.number", Invoice.class)
                .setParameter("ids", existingCustomers).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<String, String> references = new HashMap<>();
        newNumbers.forEach(number -> CreditorReference.fromNumber(number).ifPresent(ref -> references.put(number, ref)));
        Set<String> taken = new HashSet<>();
        if (!references.isEmpty()) {
            taken.addAll(jdbc.queryForList("select payment_reference from invoices where payment_reference in (:refs)",
                    Map.of("refs", new HashSet<>(references.values())), String.class));
        }
        return new Ledger(open, references, taken, clock.instant());
    }

    /** See {@link #ledger}. */
    public final class Ledger {

        private final Map<String, Invoice> byNumber = new LinkedHashMap<>();
        private final Map<UUID, List<Invoice>> byCustomer = new HashMap<>();
        private final Set<Invoice> existing = new HashSet<>();
        private final List<Invoice> added = new ArrayList<>();
        private final Map<String, String> references;
        private final Set<String> taken;
        private final Instant now;

        private Ledger(List<Invoice> open, Map<String, String> references, Set<String> taken, Instant now) {
            this.references = references;
            this.taken = taken;
            this.now = now;
            open.forEach(this::hold);
            existing.addAll(open);
        }

        private void hold(Invoice invoice) {
            byNumber.put(invoice.getNumber(), invoice);
            byCustomer.computeIfAbsent(invoice.getCustomerId(), id -> new ArrayList<>()).add(invoice);
        }

        /** Records a historic invoice as issued (in memory until {@link #write}); returns its id. */
        public UUID add(HistoricInvoice request) {
            Invoice invoice = new Invoice(request.number(), request.customerId(),
                    java.util.Currency.getInstance(request.currency()), request.issueDate(), request.dueDate(), now);
            request.lines().forEach(line -> invoice.addLine(line.serviceCode(), line.description(), line.quantity(),
                    line.unitPrice(), line.taxRate()));
            String reference = references.get(request.number());
            if (reference == null || !taken.add(reference)) {
                reference = CreditorReference.fromId(invoice.getId());
                taken.add(reference);
            }
            invoice.issue(now, reference);
            hold(invoice);
            added.add(invoice);
            return invoice.getId();
        }

        /** The id of an open invoice of the ledger (locked or new), if it has this number. */
        public java.util.Optional<UUID> openInvoice(String number) {
            return java.util.Optional.ofNullable(byNumber.get(number)).filter(i -> i.getStatus().isOpen())
                    .map(Invoice::getId);
        }

        public Money openAmount(String number) {
            return byNumber.get(number).getOpenAmount();
        }

        public UUID customerOf(String number) {
            return byNumber.get(number).getCustomerId();
        }

        /** Applies exactly {@code amount} to the open invoice; more than it has open is refused. */
        public Money apply(String number, Money amount) {
            Invoice invoice = byNumber.get(number);
            if (invoice == null || !invoice.getStatus().isOpen()) {
                throw new BusinessRuleException("invoice-not-open", "Invoice " + number + " is not open");
            }
            if (amount.compareTo(invoice.getOpenAmount()) > 0) {
                throw new BusinessRuleException("allocation-exceeds-open-amount", "Invoice " + number + " has only "
                        + invoice.getOpenAmount() + " open, not " + amount);
            }
            return invoice.applyPayment(amount, now);
        }

        /** The customer's open invoices in the ledger, oldest due first: where unallocated money goes. */
        public List<String> openOldestFirst(UUID customerId) {
            return byCustomer.getOrDefault(customerId, List.of()).stream().filter(i -> i.getStatus().isOpen())
                    .sorted(Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getNumber))
                    .map(Invoice::getNumber).toList();
        }

        /** The earliest due date still open per customer of the ledger (none: nothing open). */
        public Map<UUID, LocalDate> earliestOpenDue() {
            Map<UUID, LocalDate> earliest = new HashMap<>();
            byNumber.values().stream().filter(i -> i.getStatus().isOpen())
                    .forEach(i -> earliest.merge(i.getCustomerId(), i.getDueDate(),
                            (a, b) -> a.isBefore(b) ? a : b));
            return earliest;
        }

        /**
         * Writes the new invoices and their lines in batches; the locked ones are written by the
         * persistence context, and those the chunk settled tell their waiting processes.
         */
        public void write() {
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            List<SqlParameterSource> invoiceRows = new ArrayList<>();
            List<SqlParameterSource> lineRows = new ArrayList<>();
            for (Invoice i : added) {
                invoiceRows.add(new MapSqlParameterSource("id", i.getId()).addValue("number", i.getNumber())
                        .addValue("customer", i.getCustomerId()).addValue("currency", i.getCurrency().getCurrencyCode())
                        .addValue("issued", i.getIssueDate()).addValue("due", i.getDueDate())
                        .addValue("total", i.getTotal().amount()).addValue("open", i.getOpenAmount().amount())
                        .addValue("status", i.getStatus().name()).addValue("now", at)
                        .addValue("settled", i.getSettledAt() == null ? null : i.getSettledAt().atOffset(ZoneOffset.UTC),
                                java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                        .addValue("reference", i.getPaymentReference()));
                for (InvoiceLine line : i.getLines()) {
                    lineRows.add(new MapSqlParameterSource("id", UUID.randomUUID()).addValue("invoice", i.getId())
                            .addValue("no", line.getLineNo()).addValue("code", line.getServiceCode(), java.sql.Types.VARCHAR)
                            .addValue("description", line.getDescription()).addValue("quantity", line.getQuantity())
                            .addValue("price", line.getUnitPrice()).addValue("tax", line.getTaxRate())
                            .addValue("total", line.getLineTotal()));
                }
            }
            jdbc.batchUpdate("insert into invoices (id, number, customer_id, currency, issue_date, due_date,"
                    + " total_amount, open_amount, credited_amount, written_off_amount, recovered_amount, status,"
                    + " created_at, issued_at, settled_at, payment_reference, version) values (:id, :number, :customer,"
                    + " :currency, :issued, :due, :total, :open, 0, 0, 0, :status, :now, :now, :settled, :reference, 0)",
                    invoiceRows.toArray(SqlParameterSource[]::new));
            jdbc.batchUpdate("insert into invoice_lines (id, invoice_id, line_no, service_code, description, quantity,"
                    + " unit_price, tax_rate, line_total) values (:id, :invoice, :no, :code, :description, :quantity,"
                    + " :price, :tax, :total)", lineRows.toArray(SqlParameterSource[]::new));
            entities.flush();
            existing.stream().filter(i -> !i.getStatus().isOpen()).forEach(i -> events.publishEvent(
                    new InvoiceSettled(i.getId(), i.getNumber(), i.getCustomerId(), i.getStatus())));
        }

        /** How many invoices the chunk adds. */
        public int added() {
            return added.size();
        }
    }
}
