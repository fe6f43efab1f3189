package io.recollect.imports;

import io.recollect.customers.CustomerHistory;
import io.recollect.customers.CustomerView;
import io.recollect.customers.NewCustomer;
import io.recollect.customers.RiskBand;
import io.recollect.invoicing.InvoiceHistory;
import io.recollect.invoicing.InvoiceView;
import io.recollect.invoicing.NewInvoice;
import io.recollect.payments.NewPayment;
import io.recollect.payments.PaymentHistory;
import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The first pass over a file: every record checked on its own, against what Recollect already
 * holds (the same again is unchanged, a difference is an error naming the field) and against
 * the records it names (customers, invoices and what they still have open), before anything is
 * written. New records go to the spool; what remains in memory is a few facts per record.
 */
final class HistoryCheck {

    static final int LOOKUP = 1_000;

    enum State { NEW, UNCHANGED, ERROR }

    static final class Fact {
        final String file;
        final int line;
        final String key;
        final String owner;
        State state;
        Spool.At at;
        String currency;
        Money amount;
        List<NewPayment.Allocation> allocations = List.of();

        Fact(SourceRecord record, String owner) {
            this.file = record.file();
            this.line = record.line();
            this.key = record.key();
            this.owner = owner;
        }
    }

    private final CustomerHistory customerHistory;
    private final InvoiceHistory invoiceHistory;
    private final PaymentHistory paymentHistory;
    private final Spool spool;
    private final LocalDate today;

    final Map<String, Fact> customers = new LinkedHashMap<>();
    final Map<String, Fact> invoices = new LinkedHashMap<>();
    final Map<String, Fact> payments = new LinkedHashMap<>();
    final List<ImportError> errors = new ArrayList<>();
    int read;
    int unchanged;
    private final List<SourceRecord> batch = new ArrayList<>();

    HistoryCheck(CustomerHistory customerHistory, InvoiceHistory invoiceHistory, PaymentHistory paymentHistory,
            Spool spool, LocalDate today) {
        this.customerHistory = customerHistory;
        this.invoiceHistory = invoiceHistory;
        this.paymentHistory = paymentHistory;
        this.spool = spool;
        this.today = today;
    }

    void accept(SourceRecord record) {
        read++;
        if (!record.ok()) {
            errors.addAll(record.errors());
            Map<String, Fact> facts = record.kind() == null || record.key() == null ? null : facts(record.kind());
            if (facts != null && !facts.containsKey(record.key())) {
                Fact failed = new Fact(record, null);
                failed.state = State.ERROR;
                facts.put(record.key(), failed);
            }
            return;
        }
        batch.add(record);
        if (batch.size() >= LOOKUP) {
            flush();
        }
    }

    /** Checks what was read against Recollect and across the file; call once the file is read. */
    void finish() {
        flush();
        resolveInvoices();
        resolvePayments();
    }

    private void flush() {
        List<SourceRecord> cs = new ArrayList<>();
        List<SourceRecord> is = new ArrayList<>();
        List<SourceRecord> ps = new ArrayList<>();
        for (SourceRecord r : batch) {
            Map<String, Fact> seen = facts(r.kind());
            Fact first = seen.get(r.key());
            if (first != null) {
                errors.add(new ImportError(r.file(), r.line(), r.key(), keyField(r.kind()),
                        "is on line " + first.line + (first.file == null ? "" : " of " + first.file) + " as well"));
                continue;
            }
            switch (r.kind()) {
                case CUSTOMER -> cs.add(r);
                case INVOICE -> is.add(r);
                case PAYMENT -> ps.add(r);
            }
            seen.put(r.key(), new Fact(r, owner(r)));
        }
        batch.clear();
        checkCustomers(cs);
        checkInvoices(is);
        checkPayments(ps);
    }

    private Map<String, Fact> facts(RecordKind kind) {
        return switch (kind) {
            case CUSTOMER -> customers;
            case INVOICE -> invoices;
            case PAYMENT -> payments;
        };
    }

    private static String owner(SourceRecord r) {
        return switch (r.kind()) {
            case CUSTOMER -> r.key();
            case INVOICE -> ((ImportedInvoice) r.value()).customer();
            case PAYMENT -> ((ImportedPayment) r.value()).payer();
        };
    }

    private static String keyField(RecordKind kind) {
        return switch (kind) {
            case CUSTOMER -> "externalRef";
            case INVOICE -> "number";
            case PAYMENT -> "externalId";
        };
    }

    private void checkCustomers(List<SourceRecord> records) {
        Map<String, CustomerView> known = customerHistory.findByExternalRefs(records.stream().map(SourceRecord::key).toList());
        for (SourceRecord r : records) {
            NewCustomer c = (NewCustomer) r.value();
            Fact fact = customers.get(r.key());
            fact.currency = c.currency();
            CustomerView k = known.get(r.key());
            settle(fact, r, c, k == null ? null : firstDifference(c, k), k != null);
        }
    }

    private static String firstDifference(NewCustomer c, CustomerView k) {
        return !c.name().equals(k.name()) ? "name" : !c.email().equals(k.email()) ? "email"
                : !Objects.equals(c.language() == null ? "en" : c.language(), k.language()) ? "language"
                : c.segment() != k.segment() ? "segment"
                : (c.riskBand() == null ? RiskBand.B : c.riskBand()) != k.riskBand() ? "riskBand"
                : !c.currency().equals(k.currency()) ? "currency"
                : !Objects.equals(blankToNull(c.phone()), blankToNull(k.phone())) ? "phone" : null;
    }

    private void checkInvoices(List<SourceRecord> records) {
        Map<String, InvoiceView> known = invoiceHistory.findByNumbers(records.stream().map(SourceRecord::key).toList());
        Map<UUID, String> refs = customerHistory.externalRefs(known.values().stream().map(InvoiceView::customerId).toList());
        for (SourceRecord r : records) {
            ImportedInvoice invoice = (ImportedInvoice) r.value();
            Fact fact = invoices.get(r.key());
            fact.currency = invoice.currency();
            if (invoice.dueDate().isBefore(invoice.issueDate())) {
                fail(fact, "dueDate", "is before the issue date " + invoice.issueDate());
                continue;
            }
            fact.amount = InvoiceHistory.totalOf(invoice.currency(), invoice.lines());
            InvoiceView k = known.get(r.key());
            settle(fact, r, invoice, k == null ? null : firstDifference(invoice, k, refs.get(k.customerId())), k != null);
        }
    }

    private static String firstDifference(ImportedInvoice invoice, InvoiceView k, String customerRef) {
        if (!invoice.customer().equals(customerRef)) {
            return "customer";
        }
        if (!invoice.currency().equals(k.total().currency().getCurrencyCode())) {
            return "currency";
        }
        if (!invoice.issueDate().equals(k.issueDate())) {
            return "issueDate";
        }
        if (!invoice.dueDate().equals(k.dueDate())) {
            return "dueDate";
        }
        if (invoice.lines().size() != k.lines().size()) {
            return "lines";
        }
        for (int i = 0; i < invoice.lines().size(); i++) {
            NewInvoice.Line a = invoice.lines().get(i);
            InvoiceView.LineView b = k.lines().get(i);
            String field = !a.description().equals(b.description()) ? "description"
                    : a.quantity().compareTo(b.quantity()) != 0 ? "quantity"
                    : a.unitPrice().compareTo(b.unitPrice()) != 0 ? "unitPrice"
                    : a.taxRate().compareTo(b.taxRate()) != 0 ? "taxRate"
                    : !Objects.equals(blankToNull(a.serviceCode()), blankToNull(b.serviceCode())) ? "serviceCode" : null;
            if (field != null) {
                return "lines[" + i + "]." + field;
            }
        }
        return null;
    }

    private void checkPayments(List<SourceRecord> records) {
        Map<String, PaymentHistory.KnownPayment> known = paymentHistory.findByExternalIds(
                records.stream().map(SourceRecord::key).toList());
        Map<UUID, String> refs = customerHistory.externalRefs(known.values().stream()
                .map(PaymentHistory.KnownPayment::customerId).toList());
        Map<UUID, String> numbers = invoiceHistory.numbers(known.values().stream()
                .flatMap(p -> p.allocations().keySet().stream()).toList());
        for (SourceRecord r : records) {
            ImportedPayment payment = (ImportedPayment) r.value();
            Fact fact = payments.get(r.key());
            fact.currency = payment.currency();
            fact.allocations = payment.allocationsOrNone();
            String problem = problemWith(payment, fact);
            if (problem != null) {
                continue;
            }
            fact.amount = Money.of(payment.amount(), Currency.getInstance(payment.currency()));
            PaymentHistory.KnownPayment k = known.get(r.key());
            settle(fact, r, payment, k == null ? null : firstDifference(payment, k, refs.get(k.customerId()), numbers),
                    k != null);
        }
    }

    /** Amounts at the currency's minor unit, allocations within the payment, nothing received after today. */
    private String problemWith(ImportedPayment payment, Fact fact) {
        Currency currency = Currency.getInstance(payment.currency());
        if (!Money.isExact(payment.amount(), currency)) {
            return fail(fact, "amount", exactness(currency));
        }
        if (payment.receivedOn().isAfter(today)) {
            return fail(fact, "receivedOn", "is after today (" + today + ")");
        }
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < fact.allocations.size(); i++) {
            BigDecimal amount = fact.allocations.get(i).amount();
            if (!Money.isExact(amount, currency)) {
                return fail(fact, "allocations[" + i + "].amount", exactness(currency));
            }
            allocated = allocated.add(amount);
        }
        if (allocated.compareTo(payment.amount()) > 0) {
            return fail(fact, "allocations", "total " + allocated.toPlainString() + ", more than the payment's amount "
                    + payment.amount().toPlainString());
        }
        return null;
    }

    private static String exactness(Currency currency) {
        return "must have at most " + currency.getDefaultFractionDigits() + " decimal(s), as "
                + currency.getCurrencyCode() + " has";
    }

    private static String firstDifference(ImportedPayment p, PaymentHistory.KnownPayment k, String payerRef,
            Map<UUID, String> numbers) {
        if (!p.payer().equals(payerRef)) {
            return "payer";
        }
        if (!p.currency().equals(k.amount().currency().getCurrencyCode())) {
            return "currency";
        }
        if (p.amount().compareTo(k.amount().amount()) != 0) {
            return "amount";
        }
        if (!p.receivedOn().equals(k.receivedOn())) {
            return "receivedOn";
        }
        if (!p.method().equals(k.method())) {
            return "method";
        }
        if (!Objects.equals(blankToNull(p.reference()), blankToNull(k.reference()))) {
            return "reference";
        }
        Map<String, BigDecimal> asked = new HashMap<>();
        p.allocationsOrNone().forEach(a -> asked.merge(a.invoiceNumber(), a.amount(), BigDecimal::add));
        Map<String, BigDecimal> recorded = new HashMap<>();
        k.allocations().forEach((invoice, amount) -> recorded.merge(numbers.get(invoice), amount, BigDecimal::add));
        boolean same = asked.keySet().equals(recorded.keySet())
                && asked.entrySet().stream().allMatch(e -> e.getValue().compareTo(recorded.get(e.getKey())) == 0);
        return same ? null : "allocations";
    }

    private void settle(Fact fact, SourceRecord r, Object value, String difference, boolean known) {
        if (difference != null) {
            fail(fact, difference, "differs from what Recollect holds for " + r.kind().word + " " + r.key()
                    + " (imported or recorded before)");
        } else if (known) {
            fact.state = State.UNCHANGED;
            unchanged++;
        } else {
            fact.state = State.NEW;
            fact.at = spool.write(value);
        }
    }

    private String fail(Fact fact, String field, String message) {
        fact.state = State.ERROR;
        fact.at = null;
        errors.add(new ImportError(fact.file, fact.line, fact.key, field, message));
        return message;
    }

    /** Each new invoice's customer is in the file or in Recollect, in the invoice's currency. */
    private void resolveInvoices() {
        Map<String, CustomerView> known = knownCustomers(invoices);
        for (Fact invoice : invoices.values()) {
            if (invoice.state == State.NEW) {
                String problem = customerProblem(invoice.owner, invoice.currency, known);
                if (problem != null) {
                    fail(invoice, problem.startsWith("must") ? "currency" : "customer", problem);
                }
            }
        }
    }

    /** Each new payment's payer likewise, and each allocation names an open invoice of the payer with that much open. */
    private void resolvePayments() {
        Map<String, CustomerView> known = knownCustomers(payments);
        Set<String> elsewhere = new HashSet<>();
        payments.values().stream().filter(p -> p.state == State.NEW).flatMap(p -> p.allocations.stream())
                .map(NewPayment.Allocation::invoiceNumber)
                .filter(n -> !invoices.containsKey(n) || invoices.get(n).state == State.UNCHANGED).forEach(elsewhere::add);
        Map<String, InvoiceView> dbInvoices = new HashMap<>();
        List<String> numbers = new ArrayList<>(elsewhere);
        for (int from = 0; from < numbers.size(); from += LOOKUP) {
            dbInvoices.putAll(invoiceHistory.findByNumbers(numbers.subList(from, Math.min(numbers.size(), from + LOOKUP))));
        }
        Map<UUID, String> owners = customerHistory.externalRefs(dbInvoices.values().stream()
                .map(InvoiceView::customerId).distinct().toList());
        Map<String, Money> open = new HashMap<>();
        for (Fact payment : payments.values()) {
            if (payment.state != State.NEW) {
                continue;
            }
            String problem = customerProblem(payment.owner, payment.currency, known);
            if (problem != null) {
                fail(payment, problem.startsWith("must") ? "currency" : "payer", problem);
                continue;
            }
            Map<String, Money> after = new HashMap<>();
            for (int i = 0; i < payment.allocations.size() && payment.state == State.NEW; i++) {
                NewPayment.Allocation a = payment.allocations.get(i);
                String number = a.invoiceNumber();
                Fact fileInvoice = invoices.get(number);
                InvoiceView db = dbInvoices.get(number);
                String owner;
                Money left;
                if (fileInvoice != null && fileInvoice.state == State.ERROR) {
                    fail(payment, "allocations[" + i + "].invoiceNumber", "invoice " + number + " is not imported: line "
                            + fileInvoice.line + (fileInvoice.file == null ? "" : " of " + fileInvoice.file)
                            + " has errors");
                    break;
                } else if (fileInvoice != null && fileInvoice.state == State.NEW) {
                    owner = fileInvoice.owner;
                    left = after.getOrDefault(number, open.getOrDefault(number, fileInvoice.amount));
                } else if (db != null) {
                    owner = owners.get(db.customerId());
                    if (!db.status().isOpen()) {
                        fail(payment, "allocations[" + i + "].invoiceNumber", "invoice " + number + " is "
                                + db.status() + ", not open");
                        break;
                    }
                    left = after.getOrDefault(number, open.getOrDefault(number, db.openAmount()));
                } else {
                    fail(payment, "allocations[" + i + "].invoiceNumber", "no invoice " + number
                            + " in this file or in Recollect");
                    break;
                }
                Money wanted = Money.of(a.amount(), payment.amount.currency());
                if (!owner.equals(payment.owner)) {
                    fail(payment, "allocations[" + i + "].invoiceNumber", "invoice " + number + " is not the payer's");
                } else if (!left.currency().equals(wanted.currency())) {
                    fail(payment, "allocations[" + i + "].amount", "is in " + wanted.currency()
                            + ", invoice " + number + " in " + left.currency());
                } else if (wanted.compareTo(left) > 0) {
                    fail(payment, "allocations[" + i + "].amount", "is more than the " + left
                            + " still open on invoice " + number);
                } else {
                    after.put(number, left.minus(wanted));
                }
            }
            if (payment.state == State.NEW) {
                open.putAll(after);
            }
        }
    }

    private Map<String, CustomerView> knownCustomers(Map<String, Fact> facts) {
        List<String> refs = facts.values().stream().filter(f -> f.state == State.NEW)
                .map(f -> f.owner).filter(ref -> !customers.containsKey(ref)).distinct().toList();
        Map<String, CustomerView> known = new HashMap<>();
        for (int from = 0; from < refs.size(); from += LOOKUP) {
            known.putAll(customerHistory.findByExternalRefs(refs.subList(from, Math.min(refs.size(), from + LOOKUP))));
        }
        return known;
    }

    /** Null when the customer is in the file (and good) or in Recollect, in this currency; else what is wrong. */
    private String customerProblem(String ref, String currency, Map<String, CustomerView> known) {
        Fact fileCustomer = customers.get(ref);
        String customerCurrency;
        if (fileCustomer != null) {
            if (fileCustomer.state == State.ERROR) {
                return "customer " + ref + " is not imported: line " + fileCustomer.line
                        + (fileCustomer.file == null ? "" : " of " + fileCustomer.file) + " has errors";
            }
            customerCurrency = fileCustomer.currency;
        } else if (known.containsKey(ref)) {
            customerCurrency = known.get(ref).currency();
        } else {
            return "no customer " + ref + " in this file or in Recollect";
        }
        return customerCurrency.equals(currency) ? null : "must be the customer's currency, " + customerCurrency;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
