package io.recollect.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.invoicing.InvoiceView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import io.recollect.support.TestFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A bounced payment puts the account back where it was; credit is refunded or moved by finance. */
class PaymentReversalIntegrationTests extends IntegrationTest {

    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void finance() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void reversalReopensThePaidInvoiceAndTheAccountIsDunnedAgain() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "120.00", 3, time.today());
        PaymentView paid = fixtures.pay(customer, "120.00", time.today());
        cases.settle();
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(Mailbox.dunning(mail, customer.email())).isEmpty();

        ResponseEntity<JsonNode> reversed = as("integration").postForEntity("/api/payments/" + paid.id() + "/reversal",
                Map.of("reason", "Returned by the bank: account closed"), JsonNode.class);
        cases.settle();

        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reversed.getBody().at("/reversal/reason").asText()).isEqualTo("Returned by the bank: account closed");
        assertThat(reversed.getBody().at("/allocations/0/reversedAt").isNull()).isFalse();
        InvoiceView reopened = invoices.get(invoice.id());
        assertThat(reopened.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(reopened.openAmount().amount()).isEqualByComparingTo("120.00");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice.number())
                .processDefinitionKey("invoice-to-cash").count()).isEqualTo(1);
        assertThat(Mailbox.dunning(mail, customer.email())).singleElement()
                .satisfies(reminder -> assertThat(reminder.subject()).contains("EUR 120.00"));
        assertThat(kinds(customer)).contains("PAYMENT_REVERSED");
    }

    @Test
    void aPaymentReversedBeforeTheRunDoesNotKeepThePromise() {
        CustomerView customer = promised("150.00", "150.00");
        PaymentView paid = fixtures.pay(customer, "150.00", time.today());
        payments.reverse(paid.id(), "Returned unpaid");
        cases.settle();

        assertThat(kinds(customer)).doesNotContain("PROMISE_KEPT");
        assertThat(promiseStatus(customer)).isEqualTo("OPEN");
    }

    @Test
    void aKeptPromiseWhosePaymentBouncesIsOpenAgain() {
        CustomerView customer = promised("150.00", "50.00");
        PaymentView paid = fixtures.pay(customer, "50.00", time.today());
        cases.settle();
        assertThat(promiseStatus(customer)).isEqualTo("KEPT");

        payments.reverse(paid.id(), "Charged back");
        cases.settle();

        assertThat(promiseStatus(customer)).isEqualTo("OPEN");
        assertThat(kinds(customer)).containsSubsequence("PROMISE_KEPT", "PROMISE_REOPENED");
    }

    @Test
    void aReversedRecoveryUndoesTheRecoveryAndReopensNothing() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "7.00", 90, time.today());
        cases.settle();
        as("collector").postForEntity("/api/customers/" + customer.id() + "/write-off-requests",
                Map.of("reason", "SMALL_BALANCE"), JsonNode.class);
        cases.settle();
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        PaymentView late = payments.record(new NewPayment(TestFixtures.unique("PAY"), customer.id(),
                new java.math.BigDecimal("10.00"), "EUR", time.today(), "BANK_TRANSFER", "late payment",
                List.of(new NewPayment.Allocation(invoice.number(), new java.math.BigDecimal("10.00"))))).payment();
        cases.settle();
        assertThat(recovered(invoice)).isEqualByComparingTo("7.00");

        payments.reverse(late.id(), "Returned unpaid");
        cases.settle();

        InvoiceView after = invoices.get(invoice.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(after.openAmount().amount()).isEqualByComparingTo("0.00");
        assertThat(recovered(invoice)).isEqualByComparingTo("0.00");
    }

    private java.math.BigDecimal recovered(InvoiceView invoice) {
        return jdbc.queryForObject("select recovered_amount from invoices where id = ?", java.math.BigDecimal.class,
                invoice.id());
    }

    /** An overdue invoice with an open case, and a collector's promise to pay part or all of it in a week. */
    private CustomerView promised(String invoiceAmount, String promisedAmount) {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, invoiceAmount, 3, time.today());
        cases.settle();
        ResponseEntity<JsonNode> promise = as("collector").postForEntity("/api/customers/" + customer.id()
                + "/promises", Map.of("promisedDate", time.today().plusDays(7).toString(), "amount", promisedAmount),
                JsonNode.class);
        assertThat(promise.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        cases.settle();
        time.advance(Duration.ofMinutes(1));
        return customer;
    }

    private String promiseStatus(CustomerView customer) {
        return jdbc.queryForObject("select status from promises where customer_id = ?", String.class, customer.id());
    }

    @Test
    void reversingTwiceIsAConflictAndChangesNothing() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "40.00", 1, time.today());
        PaymentView paid = fixtures.pay(customer, "40.00", time.today());
        String url = "/api/payments/" + paid.id() + "/reversal";

        as("fiona").postForEntity(url, Map.of("reason", "Chargeback"), JsonNode.class);
        ResponseEntity<JsonNode> again = as("fiona").postForEntity(url, Map.of("reason", "Chargeback"), JsonNode.class);
        cases.settle();

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("type").asText()).endsWith("payment-reversed");
        assertThat(payments.get(paid.id()).allocations()).hasSize(1);
    }

    @Test
    void reversalNeedsAReasonAndCollectorsMayNotReverse() {
        CustomerView customer = fixtures.customer();
        PaymentView paid = fixtures.pay(customer, "40.00", time.today());
        String url = "/api/payments/" + paid.id() + "/reversal";

        assertThat(as("fiona").postForEntity(url, Map.of("reason", " "), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("collector").postForEntity(url, Map.of("reason", "x"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(payments.get(paid.id()).reversal()).isNull();
    }

    @Test
    void financeRefundsUnappliedCreditAndIntegrationsMayNot() {
        CustomerView customer = fixtures.customer();
        PaymentView credit = fixtures.pay(customer, "75.00", time.today());
        String url = "/api/payments/" + credit.id() + "/refunds";

        ResponseEntity<JsonNode> machine = as("integration").postForEntity(url,
                Map.of("amount", "75.00", "reason", "Customer asked"), JsonNode.class);
        ResponseEntity<JsonNode> tooMuch = as("fiona").postForEntity(url,
                Map.of("amount", "75.01", "reason", "Customer asked"), JsonNode.class);
        ResponseEntity<JsonNode> refunded = as("fiona").postForEntity(url,
                Map.of("amount", "70.00", "reason", "Customer asked"), JsonNode.class);

        assertThat(machine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMuch.getBody().get("type").asText()).endsWith("refund-exceeds-credit");
        assertThat(refunded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(refunded.getBody().at("/unapplied/amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(refunded.getBody().at("/refunds/0/by").asText()).isEqualTo("fiona");

        // Refunded credit no longer pays a later invoice: only what is left does.
        InvoiceView later = fixtures.overdueInvoice(customer, "30.00", 2, time.today());
        cases.settle();
        assertThat(invoices.get(later.id()).openAmount().amount()).isEqualByComparingTo("25.00");
        assertThat(kinds(customer)).contains("CREDIT_REFUNDED");
    }

    @Test
    void financeMovesCreditToANamedInvoiceByHand() {
        CustomerView customer = fixtures.customer();
        InvoiceView older = fixtures.issuedInvoice(customer, "50.00", time.today(), time.today().plusDays(10));
        InvoiceView named = fixtures.issuedInvoice(customer, "30.00", time.today(), time.today().plusDays(20));
        PaymentView paid = payments.record(new NewPayment(TestFixtures.unique("PAY"), customer.id(),
                new java.math.BigDecimal("100.00"), "EUR", time.today(), "BANK_TRANSFER", null,
                List.of(new NewPayment.Allocation(older.number(), new java.math.BigDecimal("50.00"))))).payment();
        assertThat(paid.unapplied().amount()).isEqualByComparingTo("50.00");

        ResponseEntity<JsonNode> moved = as("fiona").postForEntity("/api/payments/" + paid.id() + "/allocations",
                Map.of("invoiceNumber", named.number(), "amount", "30.00"), JsonNode.class);
        ResponseEntity<JsonNode> notOpen = as("fiona").postForEntity("/api/payments/" + paid.id() + "/allocations",
                Map.of("invoiceNumber", older.number(), "amount", "10.00"), JsonNode.class);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(moved.getBody().at("/allocations/1/source").asText()).isEqualTo("MANUAL");
        assertThat(invoices.get(named.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(notOpen.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(payments.get(paid.id()).unapplied().amount()).isEqualByComparingTo("20.00");
    }

    @Test
    void aRepeatedExternalIdIsComparedOnEveryFieldAndTheConflictNamesIt() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "50.00", time.today(), time.today().plusDays(10));
        String id = TestFixtures.unique("PAY");
        Map<String, Object> first = Map.of("externalId", id, "customerId", customer.id(), "amount", "50.00",
                "currency", "EUR", "receivedOn", time.today().toString(), "method", "BANK_TRANSFER",
                "allocations", List.of(Map.of("invoiceNumber", invoice.number(), "amount", "50.00")));
        assertThat(as("integration").postForEntity("/api/payments", first, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        Map<String, Object> sameAgain = new java.util.HashMap<>(first);
        Map<String, Object> otherDay = new java.util.HashMap<>(first);
        otherDay.put("receivedOn", time.today().minusDays(1).toString());
        Map<String, Object> noAllocations = new java.util.HashMap<>(first);
        noAllocations.remove("allocations");

        assertThat(as("integration").postForEntity("/api/payments", sameAgain, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> day = as("integration").postForEntity("/api/payments", otherDay, JsonNode.class);
        ResponseEntity<JsonNode> alloc = as("integration").postForEntity("/api/payments", noAllocations, JsonNode.class);
        assertThat(day.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(day.getBody().get("detail").asText()).contains("receivedOn");
        assertThat(alloc.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(alloc.getBody().get("detail").asText()).contains("allocations");
    }

    @Test
    void everyIssuedInvoiceCarriesACheckedCreditorReferenceInTheApiAndItsEmail() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "80.00", 3, time.today());
        cases.settle();

        JsonNode api = as("integration").getForObject("/api/invoices/" + invoice.id(), JsonNode.class);
        String reference = api.get("paymentReference").asText();
        assertThat(reference).startsWith("RF").endsWith(invoice.number().replace("-", "").toUpperCase());
        assertThat(io.recollect.invoicing.CreditorReference.isValid(reference)).isTrue();
        assertThat(Mailbox.of(mail, customer.email())).hasSize(2)
                .allSatisfy(email -> assertThat(email.body()).contains("Payment reference: " + reference));
    }
}
