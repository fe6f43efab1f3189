package io.recollect.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.invoicing.InvoiceView;
import io.recollect.payments.NewPayment;
import io.recollect.payments.PaymentService;
import io.recollect.payments.PaymentView;
import io.recollect.security.Roles;
import io.recollect.shared.Money;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class InconsistencyReportIntegrationTests extends IntegrationTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void finance() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void findsAPlantedDuplicateAndOldUnappliedCashWithTheActionThatFixesThem() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "300.00", 3, time.today());
        // The same transfer arrives from the bank feed and from the billing system under two ids.
        PaymentView fromBank = fixtures.pay(customer, "120.00", time.today().minusDays(40));
        PaymentView fromBilling = fixtures.pay(customer, "120.00", time.today().minusDays(40));
        CustomerView overpaid = fixtures.customer();
        PaymentView credit = fixtures.pay(overpaid, "55.00", time.today().minusDays(45));

        JsonNode report = as("fiona").getForObject("/api/reconciliation/inconsistencies", JsonNode.class);

        List<JsonNode> found = StreamSupport.stream(report.spliterator(), false).toList();
        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("DUPLICATE_PAYMENT");
            assertThat(item.get("paymentIds").toString()).contains(fromBank.id().toString(), fromBilling.id().toString());
            assertThat(item.get("action").asText()).contains("/reversal");
        });
        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("OLD_UNAPPLIED_CASH");
            assertThat(item.get("paymentIds").toString()).contains(credit.id().toString());
            assertThat(item.get("action").asText()).contains("/refunds");
        });
        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("OVERPAYMENT");
            assertThat(item.get("paymentIds").toString()).contains(credit.id().toString());
        });
        assertThat(about(found, customer)).noneSatisfy(item -> assertThat(item.get("kind").asText())
                .isEqualTo("OPEN_AMOUNT_MISMATCH"));
    }

    @Test
    void findsTheSamePaymentFromTheBillingSystemAndFromTheBankStatement() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "410.00", 3, time.today());
        PaymentView fromBilling = payments.record(new NewPayment(TestFixtures.unique("ERP"), customer.id(),
                new BigDecimal("410.00"), "EUR", time.today(), "BANK_TRANSFER", null,
                List.of(new NewPayment.Allocation(invoice.number(), new BigDecimal("410.00"))))).payment();
        String line = TestFixtures.unique("DUP");
        String statement = BankStatementIntegrationTests.camt053("EUR", BankStatementIntegrationTests.entry(line,
                "410.00", "EUR", "CRDT", customer.name(), null, "<Ustrd>Invoice " + invoice.number() + "</Ustrd>"));
        assertThat(uploadStatement(statement).getBody().get("recorded").asInt()).isEqualTo(1);
        UUID fromBank = jdbc.queryForObject("select id from payments where external_id = ?", UUID.class, "bank:" + line);

        List<JsonNode> found = about(report(), customer);

        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("DUPLICATE_PAYMENT");
            assertThat(item.get("paymentIds").toString()).contains(fromBilling.id().toString(), fromBank.toString());
            assertThat(item.get("amount").decimalValue()).isEqualByComparingTo("410.00");
            assertThat(item.get("action").asText()).contains("/reversal");
        });
        // The statement's copy found the invoice paid: all of it is credit on an account that owes nothing.
        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("OVERPAYMENT");
            assertThat(item.get("paymentIds").toString()).contains(fromBank.toString());
            assertThat(item.get("amount").decimalValue()).isEqualByComparingTo("410.00");
            assertThat(item.get("action").asText()).contains("/refunds");
        });
    }

    @Test
    void findsPaymentsAllocatedToCancelledAndWrittenOffInvoices() {
        CustomerView customer = fixtures.customer();
        InvoiceView cancelled = fixtures.overdueInvoice(customer, "70.00", 3, time.today());
        invoices.credit(cancelled.id(), Money.of(new BigDecimal("70.00"), EUR), "issued in error");
        InvoiceView writtenOff = fixtures.overdueInvoice(customer, "90.00", 200, time.today());
        invoices.writeOff(writtenOff.id());
        time.advance(Duration.ofMinutes(5));
        PaymentView late = fixtures.pay(customer, "160.00", time.today());
        // What a faulty feed or a hand-made correction leaves: the money allocated after the invoice closed.
        plantAllocation(late, cancelled, "70.00");
        plantAllocation(late, writtenOff, "90.00");

        List<JsonNode> found = about(report(), customer);

        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("PAYMENT_ON_SETTLED_INVOICE");
            assertThat(item.get("invoiceNumber").asText()).isEqualTo(cancelled.number());
            assertThat(item.get("detail").asText()).contains("after it was cancelled");
            assertThat(item.get("amount").decimalValue()).isEqualByComparingTo("70.00");
            assertThat(item.get("action").asText()).contains("/api/payments/" + late.id() + "/reversal");
        });
        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("PAYMENT_ON_SETTLED_INVOICE");
            assertThat(item.get("invoiceNumber").asText()).isEqualTo(writtenOff.number());
            assertThat(item.get("detail").asText()).contains("after it was written off");
        });
    }

    @Test
    void findsAnInvoiceWhoseOpenAmountDisagreesWithItsAllocations() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "250.00", 3, time.today());
        fixtures.pay(customer, "100.00", time.today());
        // The invoice's own figure drifts from its allocations: 150.00 is owed, it says 140.00.
        jdbc.update("update invoices set open_amount = 140.00 where id = ?", invoice.id());

        List<JsonNode> found = about(report(), customer);

        assertThat(found).singleElement().satisfies(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("OPEN_AMOUNT_MISMATCH");
            assertThat(item.get("invoiceNumber").asText()).isEqualTo(invoice.number());
            assertThat(item.get("amount").decimalValue()).isEqualByComparingTo("-10.00");
            assertThat(item.get("detail").asText()).contains("140.00").contains("150.00");
            assertThat(item.get("action").asText()).contains("reverse or reallocate");
        });
    }

    @Test
    void aLedgerThatAddsUpReportsNothing() {
        CustomerView customer = fixtures.customer();
        InvoiceView first = fixtures.overdueInvoice(customer, "100.00", 40, time.today());
        InvoiceView second = fixtures.overdueInvoice(customer, "50.00", 10, time.today());
        InvoiceView cancelled = fixtures.overdueInvoice(customer, "20.00", 5, time.today());
        invoices.credit(cancelled.id(), Money.of(new BigDecimal("20.00"), EUR), "issued in error");
        InvoiceView writtenOff = fixtures.overdueInvoice(customer, "35.00", 300, time.today());
        invoices.writeOff(writtenOff.id());
        fixtures.pay(customer, "60.00", time.today().minusDays(35));
        PaymentView bounced = fixtures.pay(customer, "45.00", time.today().minusDays(20));
        payments.reverse(bounced.id(), "returned by the bank");
        PaymentView over = fixtures.pay(customer, "120.00", time.today().minusDays(3));
        payments.refund(over.id(), new BigDecimal("30.00"), "paid twice by mistake");
        // paid 60 + 120 = 180 of 150 owed; the 30 over is refunded, the bounced 45 paid nothing
        assertThat(invoices.get(first.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.get(second.id()).status()).isEqualTo(InvoiceStatus.PAID);
        CustomerView credit = fixtures.customer();
        fixtures.overdueInvoice(credit, "500.00", 2, time.today());
        // credit received ten days ago is not old yet: the report waits thirty
        PaymentView recent = fixtures.pay(fixtures.customer(), "12.00", time.today().minusDays(10));

        List<JsonNode> found = report();

        assertThat(about(found, customer)).isEmpty();
        assertThat(about(found, credit)).isEmpty();
        assertThat(found).noneSatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("OLD_UNAPPLIED_CASH");
            assertThat(item.get("paymentIds").toString()).contains(recent.id().toString());
        });
    }

    private void plantAllocation(PaymentView payment, InvoiceView invoice, String amount) {
        jdbc.update("insert into payment_allocations (id, payment_id, invoice_id, amount, source, allocated_at)"
                + " values (?, ?, ?, ?, 'PAYMENT', ?)", UUID.randomUUID(), payment.id(), invoice.id(),
                new BigDecimal(amount), time.now().atOffset(ZoneOffset.UTC));
    }

    private List<JsonNode> report() {
        ResponseEntity<JsonNode> response = as("fiona").getForEntity("/api/reconciliation/inconsistencies",
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(response.getBody().spliterator(), false).toList();
    }

    private static List<JsonNode> about(List<JsonNode> found, CustomerView customer) {
        return found.stream().filter(item -> item.get("customerId").asText().equals(customer.id().toString())).toList();
    }

    private ResponseEntity<JsonNode> uploadStatement(String content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "statement.xml";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("fiona").postForEntity("/api/bank-statements", new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void onlyFinanceReadsTheReport() {
        assertThat(as("collector").getForEntity("/api/reconciliation/inconsistencies", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
