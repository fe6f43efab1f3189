package io.recollect.reconciliation;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import io.recollect.shared.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the invoice a bank line pays: by a structured reference (an RF creditor reference or an
 * invoice number in the remittance text), else candidates by amount and payer (name, or an IBAN
 * an earlier matched line of the customer came from).
 */
@Component
class StatementMatcher {

    private static final int CANDIDATES = 20;
    private static final int SHOWN = 5;

    private final InvoiceService invoices;
    private final CustomerService customers;
    private final JdbcTemplate jdbc;

    StatementMatcher(InvoiceService invoices, CustomerService customers, JdbcTemplate jdbc) {
        this.invoices = invoices;
        this.customers = customers;
        this.jdbc = jdbc;
    }

    Optional<InvoiceView> byReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Optional<InvoiceView> rf = invoices.findByPaymentReference(reference);
        if (rf.isPresent()) {
            return rf;
        }
        for (String token : reference.split("[\\s,;/]+")) {
            Optional<InvoiceView> found = token.toUpperCase(Locale.ROOT).startsWith("RF")
                    ? invoices.findByPaymentReference(token) : Optional.empty();
            if (found.isEmpty() && !token.isBlank()) {
                found = invoices.findByNumber(token);
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** An open invoice of the amount whose customer is the payer, and what else could be meant. */
    record Candidates(Optional<InvoiceView> suggested, List<String> described) {
    }

    Candidates candidates(StatementLine line) {
        List<InvoiceView> sameAmount = invoices.openOfAmount(Money.of(line.amount(),
                Currency.getInstance(line.currency())), CANDIDATES);
        Map<UUID, CustomerView> owners = customers.getAll(sameAmount.stream().map(InvoiceView::customerId)
                .collect(Collectors.toSet()));
        Set<UUID> paidFromIban = line.payerIban() == null ? Set.of() : Set.copyOf(jdbc.queryForList(
                "select distinct customer_id from bank_statement_lines where payer_iban = ? and customer_id is not null",
                UUID.class, line.payerIban()));
        List<InvoiceView> payerMatches = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (InvoiceView invoice : sameAmount) {
            CustomerView owner = owners.get(invoice.customerId());
            boolean byName = sameName(line.payerName(), owner.name());
            boolean byIban = paidFromIban.contains(owner.id());
            if (byName || byIban) {
                payerMatches.add(invoice);
            }
            described.add(describe(invoice, owner, byName, byIban));
        }
        described.sort(Comparator.comparing(d -> !d.contains("payer")));
        return new Candidates(payerMatches.size() == 1 ? Optional.of(payerMatches.get(0)) : Optional.empty(),
                described.stream().limit(SHOWN).toList());
    }

    private static String describe(InvoiceView invoice, CustomerView owner, boolean byName, boolean byIban) {
        String why = byName ? "; payer name matches" : byIban ? "; payer IBAN paid this customer before" : "; amount only";
        return invoice.number() + " (" + owner.name() + ", " + invoice.openAmount().display() + " open, due "
                + invoice.dueDate() + why + ")";
    }

    private static boolean sameName(String payer, String customer) {
        if (payer == null || customer == null) {
            return false;
        }
        String a = payer.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        String b = customer.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return !a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a));
    }
}
