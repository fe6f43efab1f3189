package io.recollect.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.invoicing.InvoiceView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An integrator names the invoice of a dispute or a manual allocation by its number, its id, or both. */
class InvoiceNamedByNumberIntegrationTests extends IntegrationTest {

    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;

    @BeforeEach
    void finance() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void aDisputeNamesItsInvoiceByNumberAndAMistakeIsA400NamingTheField() {
        CustomerView customer = fixtures.customer();
        InvoiceView disputed = fixtures.overdueInvoice(customer, "60.00", 2, time.today());
        InvoiceView other = fixtures.overdueInvoice(customer, "30.00", 2, time.today());
        cases.settle();

        ResponseEntity<JsonNode> unknown = dispute(Map.of("invoiceNumber", "NO-SUCH-" + TestFixtures.unique("N"),
                "reason", "Not delivered"));
        ResponseEntity<JsonNode> disagreeing = dispute(Map.of("invoiceId", other.id().toString(),
                "invoiceNumber", disputed.number(), "reason", "Not delivered"));
        ResponseEntity<JsonNode> neither = dispute(Map.of("reason", "Not delivered"));
        ResponseEntity<JsonNode> byNumber = dispute(Map.of("invoiceNumber", disputed.number(), "reason", "Not delivered"));
        cases.settle();

        assertBadField(unknown, "invoiceNumber");
        assertBadField(disagreeing, "invoiceNumber");
        assertBadField(neither, "invoiceNumber");
        assertThat(byNumber.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(byNumber.getBody().get("invoiceId").asText()).isEqualTo(disputed.id().toString());
        assertThat(byNumber.getBody().get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aManualAllocationNamesItsInvoiceByIdOrNumberAndTheyMustAgree() {
        CustomerView customer = fixtures.customer();
        InvoiceView first = fixtures.issuedInvoice(customer, "20.00", time.today(), time.today().plusDays(10));
        InvoiceView second = fixtures.issuedInvoice(customer, "30.00", time.today(), time.today().plusDays(20));
        PaymentView paid = payments.record(new NewPayment(TestFixtures.unique("PAY"), customer.id(),
                new BigDecimal("100.00"), "EUR", time.today(), "BANK_TRANSFER", null,
                List.of(new NewPayment.Allocation(first.number(), new BigDecimal("1.00"))))).payment();
        String url = "/api/payments/" + paid.id() + "/allocations";

        ResponseEntity<JsonNode> disagreeing = as("fiona").postForEntity(url, Map.of("invoiceId", first.id().toString(),
                "invoiceNumber", second.number(), "amount", "5.00"), JsonNode.class);
        ResponseEntity<JsonNode> unknown = as("fiona").postForEntity(url, Map.of("invoiceNumber",
                "NO-SUCH-" + TestFixtures.unique("N"), "amount", "5.00"), JsonNode.class);
        ResponseEntity<JsonNode> byId = as("fiona").postForEntity(url, Map.of("invoiceId", second.id().toString(),
                "amount", "30.00"), JsonNode.class);
        ResponseEntity<JsonNode> both = as("fiona").postForEntity(url, Map.of("invoiceId", first.id().toString(),
                "invoiceNumber", first.number(), "amount", "19.00"), JsonNode.class);

        assertBadField(disagreeing, "invoiceNumber");
        assertBadField(unknown, "invoiceNumber");
        assertThat(byId.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(invoices.get(second.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.get(first.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(payments.get(paid.id()).unapplied().amount()).isEqualByComparingTo("50.00");
    }

    private ResponseEntity<JsonNode> dispute(Map<String, ?> body) {
        return as("collector").postForEntity("/api/disputes", body, JsonNode.class);
    }

    private static void assertBadField(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
    }
}
