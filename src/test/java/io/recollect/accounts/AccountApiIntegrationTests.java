package io.recollect.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The JSON API as an integrating system uses it, bad input included. */
class AccountApiIntegrationTests extends IntegrationTest {

    @Test
    void registersACustomerAndReadsItBack() {
        ResponseEntity<JsonNode> created = post("/api/customers", newCustomer(TestFixtures.unique("API"), "EUR"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("id").asText();
        JsonNode read = as("collector").getForObject("/api/customers/" + id, JsonNode.class);
        assertThat(read.get("segment").asText()).isEqualTo("CONSUMER");
    }

    @Test
    void createsAndIssuesAnInvoiceThenShowsItOnTheAccount() {
        CustomerView customer = fixtures.customer();
        String number = TestFixtures.unique("INV");

        ResponseEntity<JsonNode> created = post("/api/invoices?issue=true", invoice(number, customer.id().toString(),
                "EUR", "100.00", "0.2"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("status").asText()).isEqualTo("ISSUED");
        assertThat(created.getBody().at("/total/amount").decimalValue()).isEqualByComparingTo("120.00");
        JsonNode account = account(customer);
        assertThat(account.at("/balance/amount").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(account.at("/aging/current/amount").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(account.get("openInvoices")).hasSize(1);
    }

    @Test
    void agesOverdueInvoicesIntoBuckets() {
        CustomerView customer = fixtures.customer();
        fixtures.issuedInvoice(customer, "10.00", time.today().minusDays(60), time.today().minusDays(20));
        fixtures.issuedInvoice(customer, "20.00", time.today().minusDays(90), time.today().minusDays(45));
        fixtures.issuedInvoice(customer, "40.00", time.today().minusDays(150), time.today().minusDays(120));

        JsonNode aging = account(customer).get("aging");

        assertThat(aging.at("/days1To30/amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(aging.at("/days31To60/amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(aging.at("/days61To90/amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(aging.at("/over90/amount").decimalValue()).isEqualByComparingTo("40.00");
    }

    @Test
    void recordsAPaymentOnceForTheSameExternalId() {
        CustomerView customer = fixtures.customer();
        fixtures.issuedInvoice(customer, "300.00", time.today(), time.today().plusDays(30));
        Map<String, Object> payment = payment("BANK-" + customer.id(), customer.id().toString(), "100.00", "EUR");

        ResponseEntity<JsonNode> first = post("/api/payments", payment);
        ResponseEntity<JsonNode> second = post("/api/payments", payment);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        JsonNode account = account(customer);
        assertThat(account.get("payments")).hasSize(1);
        assertThat(account.at("/balance/amount").decimalValue()).isEqualByComparingTo("200.00");
    }

    @Test
    void allocatesToTheOldestDueInvoiceFirstAndKeepsTheRestAsCredit() {
        CustomerView customer = fixtures.customer();
        fixtures.issuedInvoice(customer, "50.00", time.today(), time.today().plusDays(20));
        fixtures.issuedInvoice(customer, "30.00", time.today(), time.today().plusDays(10));

        ResponseEntity<JsonNode> paid = post("/api/payments", payment(TestFixtures.unique("PAY"),
                customer.id().toString(), "100.00", "EUR"));

        assertThat(paid.getBody().get("allocations")).hasSize(2);
        assertThat(paid.getBody().at("/allocations/0/amount/amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(paid.getBody().at("/unapplied/amount").decimalValue()).isEqualByComparingTo("20.00");
        JsonNode account = account(customer);
        assertThat(account.get("openInvoices")).isEmpty();
        assertThat(account.at("/balance/amount").decimalValue()).isEqualByComparingTo("-20.00");
    }

    @Test
    void rejectsAPaymentWithTheSameExternalIdButAnotherAmount() {
        CustomerView customer = fixtures.customer();
        String externalId = TestFixtures.unique("PAY");
        post("/api/payments", payment(externalId, customer.id().toString(), "10.00", "EUR"));

        ResponseEntity<JsonNode> clash = post("/api/payments", payment(externalId, customer.id().toString(), "11.00", "EUR"));

        assertProblem(clash, HttpStatus.CONFLICT, "duplicate-external-id");
    }

    @Test
    void rejectsAnInvoiceForAnUnknownCustomer() {
        ResponseEntity<JsonNode> response = post("/api/invoices", invoice(TestFixtures.unique("INV"),
                "00000000-0000-0000-0000-000000000000", "EUR", "10.00", "0"));

        assertProblem(response, HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void rejectsZeroAndNegativeAmountsNamingTheField() {
        CustomerView customer = fixtures.customer();

        ResponseEntity<JsonNode> zero = post("/api/payments", payment(TestFixtures.unique("PAY"),
                customer.id().toString(), "0", "EUR"));
        ResponseEntity<JsonNode> negative = post("/api/invoices", invoice(TestFixtures.unique("INV"),
                customer.id().toString(), "EUR", "-5.00", "0"));

        assertProblem(zero, HttpStatus.BAD_REQUEST, "invalid-request");
        assertThat(zero.getBody().at("/errors/0/field").asText()).isEqualTo("amount");
        assertProblem(negative, HttpStatus.BAD_REQUEST, "invalid-request");
        assertThat(negative.getBody().at("/errors/0/field").asText()).isEqualTo("lines[0].unitPrice");
        assertThat(account(customer).get("payments")).isEmpty();
    }

    @Test
    void rejectsAmountsInAnotherCurrencyThanTheAccounts() {
        CustomerView customer = fixtures.customer();

        ResponseEntity<JsonNode> invoice = post("/api/invoices", invoice(TestFixtures.unique("INV"),
                customer.id().toString(), "USD", "10.00", "0"));
        ResponseEntity<JsonNode> payment = post("/api/payments", payment(TestFixtures.unique("PAY"),
                customer.id().toString(), "10.00", "GBP"));

        assertProblem(invoice, HttpStatus.UNPROCESSABLE_ENTITY, "currency-mismatch");
        assertProblem(payment, HttpStatus.UNPROCESSABLE_ENTITY, "currency-mismatch");
        assertThat(account(customer).get("openInvoices")).isEmpty();
        assertThat(account(customer).get("payments")).isEmpty();
    }

    @Test
    void rejectsADuplicateInvoiceNumberAndKeepsTheFirst() {
        CustomerView customer = fixtures.customer();
        String number = TestFixtures.unique("INV");
        post("/api/invoices?issue=true", invoice(number, customer.id().toString(), "EUR", "10.00", "0"));

        ResponseEntity<JsonNode> duplicate = post("/api/invoices?issue=true",
                invoice(number, customer.id().toString(), "EUR", "99.00", "0"));

        assertProblem(duplicate, HttpStatus.CONFLICT, "duplicate-invoice-number");
        JsonNode kept = as("collector").getForObject("/api/invoices?number=" + number, JsonNode.class);
        assertThat(kept.at("/total/amount").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void rejectsMalformedJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<JsonNode> response = as("integration").postForEntity("/api/customers",
                new HttpEntity<>("{\"externalRef\": \"X\", \"name\": ", headers), JsonNode.class);

        assertProblem(response, HttpStatus.BAD_REQUEST, "malformed-request");
    }

    @Test
    void rejectsAnUnknownSegmentNamingTheField() {
        Map<String, Object> customer = new java.util.HashMap<>(newCustomer(TestFixtures.unique("API"), "EUR"));
        customer.put("segment", "ALIENS");

        ResponseEntity<JsonNode> response = post("/api/customers", customer);

        assertProblem(response, HttpStatus.BAD_REQUEST, "malformed-request");
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("segment");
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return as("integration").postForEntity(path, body, JsonNode.class);
    }

    private JsonNode account(CustomerView customer) {
        return as("collector").getForObject("/api/customers/" + customer.id() + "/account", JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("type").asText()).endsWith("/problems/" + type);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
    }

    static Map<String, Object> newCustomer(String ref, String currency) {
        return Map.of("externalRef", ref, "name", "Api Customer", "email", ref.toLowerCase() + "@customer.example",
                "segment", "CONSUMER", "currency", currency);
    }

    private Map<String, Object> invoice(String number, String customerId, String currency, String unitPrice,
            String taxRate) {
        return Map.of("number", number, "customerId", customerId, "currency", currency,
                "issueDate", time.today().toString(), "dueDate", time.today().plusDays(30).toString(),
                "lines", java.util.List.of(Map.of("description", "Consulting", "quantity", "1",
                        "unitPrice", unitPrice, "taxRate", taxRate)));
    }

    private Map<String, Object> payment(String externalId, String customerId, String amount, String currency) {
        return Map.of("externalId", externalId, "customerId", customerId, "amount", amount, "currency", currency,
                "receivedOn", time.today().toString(), "method", "BANK_TRANSFER");
    }
}
