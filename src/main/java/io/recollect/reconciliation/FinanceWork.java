package io.recollect.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** What waits for finance on its page: bank lines to match by hand, and credit nobody has applied. */
@Service
public class FinanceWork {

    private final JdbcTemplate jdbc;

    FinanceWork(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A bank line that no reference matched.
     *
     * @param suggestedInvoice the invoice amount and payer point at, if exactly one
     * @param candidates invoice numbers of the suggestions, best first
     * @param suggestions the suggestions in words
     */
    public record WaitingLine(String lineId, int lineNo, LocalDate bookedOn, BigDecimal amount, String currency,
            String reference, String payerName, String payerIban, ImportReport.LineOutcome outcome,
            String suggestedInvoice, List<String> candidates, List<String> suggestions) {
    }

    /** A payment with money left that pays no invoice yet. */
    public record Credit(UUID paymentId, String externalId, UUID customerId, String customerName, LocalDate receivedOn,
            BigDecimal unapplied, String currency) {
    }

    public List<WaitingLine> waitingLines(int limit) {
        BankStatementService.requireFinance();
        return jdbc.query("select line_id, line_no, booked_on, amount, currency, reference, payer_name, payer_iban,"
                + " outcome, invoice_number, suggestions from bank_statement_lines where outcome in ('SUGGESTED',"
                + " 'EXCEPTION') order by booked_on, line_id fetch first " + limit + " rows only", (rs, i) -> {
                    String described = rs.getString("suggestions");
                    List<String> suggestions = described == null || described.isBlank() ? List.of()
                            : Arrays.asList(described.split("\n"));
                    return new WaitingLine(rs.getString("line_id"), rs.getInt("line_no"),
                            rs.getDate("booked_on").toLocalDate(), money(rs.getBigDecimal("amount"), rs.getString("currency")),
                            rs.getString("currency"), rs.getString("reference"), rs.getString("payer_name"),
                            rs.getString("payer_iban"), ImportReport.LineOutcome.valueOf(rs.getString("outcome")),
                            rs.getString("invoice_number"),
                            suggestions.stream().map(s -> s.split(" \\(", 2)[0]).toList(), suggestions);
                });
    }

    public List<Credit> unappliedCredit(int limit) {
        BankStatementService.requireFinance();
        return jdbc.query("select p.id, p.external_id, p.customer_id, c.name, p.received_on, p.unapplied_amount,"
                + " p.currency from payments p join customers c on c.id = p.customer_id where p.reversed_at is null"
                + " and p.unapplied_amount > 0 order by p.received_on, p.id fetch first " + limit + " rows only",
                (rs, i) -> new Credit(rs.getObject("id", UUID.class), rs.getString("external_id"),
                        rs.getObject("customer_id", UUID.class), rs.getString("name"),
                        rs.getDate("received_on").toLocalDate(),
                        money(rs.getBigDecimal("unapplied_amount"), rs.getString("currency")), rs.getString("currency")));
    }

    /** Stored at four decimals; shown at the currency's minor unit, which every amount here is exact to. */
    private static BigDecimal money(BigDecimal stored, String currency) {
        return stored.setScale(java.util.Currency.getInstance(currency).getDefaultFractionDigits(),
                java.math.RoundingMode.UNNECESSARY);
    }
}
