package io.recollect.reconciliation;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.CreditorReference;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the invoice a bank line pays: by a structured reference (an RF creditor reference or an
 * invoice number in the remittance text), else candidates by amount and payer (name, or an IBAN
 * an earlier matched line of the customer came from). An import matches its lines a chunk at a
 * time ({@link #chunk}), from a few reads for the whole chunk.
 */
@Component
class StatementMatcher {

    private static final int CANDIDATES = 20;
    private static final int SHOWN = 5;
    private static final String TOKENS = "[\\s,;/]+";

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
        for (String token : reference.split(TOKENS)) {
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

    private static Candidates choose(StatementLine line, List<InvoiceView> sameAmount, Map<UUID, CustomerView> owners,
            Set<UUID> paidFromIban) {
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

    /**
     * What the lines of one chunk can match, read in a few queries for all of them instead of a
     * few per line: the invoices their references name, the open invoices of their amounts, the
     * customers earlier lines from their IBANs paid. The statement is one transaction, so what the
     * chunk's own recorded payments change is followed here: a customer paid by a line of the chunk
     * has its invoices read again when a later line looks at them.
     */
    Chunk chunk(List<StatementLine> lines) {
        Set<String> references = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        Set<String> ibans = new HashSet<>();
        Map<String, TreeSet<BigDecimal>> amounts = new HashMap<>();
        for (StatementLine line : lines) {
            if (line.reference() != null && !line.reference().isBlank()) {
                CreditorReference.normalise(line.reference()).ifPresent(references::add);
                for (String token : line.reference().split(TOKENS)) {
                    if (token.toUpperCase(Locale.ROOT).startsWith("RF")) {
                        CreditorReference.normalise(token).ifPresent(references::add);
                    }
                    if (!token.isBlank()) {
                        tokens.add(token);
                    }
                }
            }
            if (line.payerIban() != null) {
                ibans.add(line.payerIban());
            }
            amounts.computeIfAbsent(line.currency(), c -> new TreeSet<>()).add(line.amount());
        }
        InvoiceService.Named named = invoices.named(references, tokens);
        Map<String, TreeMap<BigDecimal, List<InvoiceView>>> open = new HashMap<>();
        amounts.forEach((currency, of) -> {
            TreeMap<BigDecimal, List<InvoiceView>> byAmount = new TreeMap<>();
            for (InvoiceView invoice : invoices.openOfAmounts(of, Currency.getInstance(currency))) {
                byAmount.computeIfAbsent(invoice.openAmount().amount(), a -> new ArrayList<>()).add(invoice);
            }
            open.put(currency, byAmount);
        });
        Map<String, Set<UUID>> paidFromIban = new HashMap<>();
        if (!ibans.isEmpty()) {
            jdbc.query("select distinct payer_iban, customer_id from bank_statement_lines where payer_iban in ("
                    + String.join(",", Collections.nCopies(ibans.size(), "?")) + ") and customer_id is not null",
                    rs -> {
                        paidFromIban.computeIfAbsent(rs.getString(1), i -> new HashSet<>())
                                .add(rs.getObject(2, UUID.class));
                    }, ibans.toArray());
        }
        return new Chunk(named, open, paidFromIban);
    }

    final class Chunk {

        private final InvoiceService.Named named;
        private final Map<String, TreeMap<BigDecimal, List<InvoiceView>>> openByAmount;
        private final Map<String, Set<UUID>> paidFromIban;
        private final Map<UUID, CustomerView> owners = new HashMap<>();
        /** Customers a line of this chunk paid, whose invoices the prefetched figures no longer show. */
        private final Set<UUID> paid = new HashSet<>();
        /** Of those, the ones not read again since. */
        private final Set<UUID> unread = new HashSet<>();
        private final Map<UUID, List<InvoiceView>> openOfPaid = new HashMap<>();

        private Chunk(InvoiceService.Named named, Map<String, TreeMap<BigDecimal, List<InvoiceView>>> openByAmount,
                Map<String, Set<UUID>> paidFromIban) {
            this.named = named;
            this.openByAmount = openByAmount;
            this.paidFromIban = paidFromIban;
        }

        /** As {@link StatementMatcher#byReference}, from what the chunk read. */
        Optional<InvoiceView> byReference(String reference) {
            if (reference == null || reference.isBlank()) {
                return Optional.empty();
            }
            Optional<InvoiceView> rf = CreditorReference.normalise(reference).map(named.byPaymentReference()::get);
            if (rf.isPresent()) {
                return rf.map(this::current);
            }
            for (String token : reference.split(TOKENS)) {
                Optional<InvoiceView> found = token.toUpperCase(Locale.ROOT).startsWith("RF")
                        ? CreditorReference.normalise(token).map(named.byPaymentReference()::get) : Optional.empty();
                if (found.isEmpty() && !token.isBlank()) {
                    found = Optional.ofNullable(named.byNumber().get(token));
                }
                if (found.isPresent()) {
                    return found.map(this::current);
                }
            }
            return Optional.empty();
        }

        private InvoiceView current(InvoiceView seen) {
            return paid.contains(seen.customerId()) ? invoices.findById(seen.id()).orElse(seen) : seen;
        }

        /** A line of this chunk recorded a payment of the customer (from the IBAN, if the line has one). */
        void paid(UUID customerId, String payerIban) {
            paid.add(customerId);
            unread.add(customerId);
            if (payerIban != null) {
                paidFromIban.computeIfAbsent(payerIban, i -> new HashSet<>()).add(customerId);
            }
        }

        /** As {@link StatementMatcher#candidates}, from what the chunk read. */
        Candidates candidates(StatementLine line) {
            if (!unread.isEmpty()) {
                unread.forEach(customer -> openOfPaid.put(customer, new ArrayList<>()));
                invoices.openOf(unread).forEach(i -> openOfPaid.get(i.customerId()).add(i));
                unread.clear();
            }
            List<InvoiceView> sameAmount = new ArrayList<>();
            openByAmount.getOrDefault(line.currency(), new TreeMap<>()).getOrDefault(line.amount(), List.of())
                    .stream().filter(invoice -> !paid.contains(invoice.customerId())).forEach(sameAmount::add);
            openOfPaid.values().forEach(list -> list.stream()
                    .filter(invoice -> invoice.openAmount().amount().compareTo(line.amount()) == 0
                            && invoice.total().currency().getCurrencyCode().equals(line.currency()))
                    .forEach(sameAmount::add));
            sameAmount.sort(Comparator.comparing(InvoiceView::dueDate).thenComparing(InvoiceView::number));
            List<InvoiceView> first = sameAmount.stream().limit(CANDIDATES).toList();
            Set<UUID> unknown = first.stream().map(InvoiceView::customerId).filter(id -> !owners.containsKey(id))
                    .collect(Collectors.toSet());
            if (!unknown.isEmpty()) {
                owners.putAll(customers.getAll(unknown));
            }
            Set<UUID> fromIban = line.payerIban() == null ? Set.of()
                    : paidFromIban.getOrDefault(line.payerIban(), Set.of());
            return choose(line, first, owners, fromIban);
        }
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
