package io.recollect.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.NewCustomer;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Input the API must refuse with a 400 naming the field (or a 404 / 422), never store or answer with a 500. */
class RequestValidationIntegrationTests extends IntegrationTest {

    @Autowired
    CustomerService customerService;

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XAU", "XTS", "XDR", "ZZZ"})
    void refusesCurrenciesThatHoldNoMoney(String currency) {
        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/api/customers", customer(TestFixtures.unique("CUR"),
                "\"name\": \"Ada\"", currency));

        assertField(response, "currency");
    }

    @Test
    void refusesAPaymentFinerThanTheCurrencysMinorUnit() {
        CustomerView customer = fixtures.customer();

        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/api/payments", payment(customer, "1.2345",
                "EUR", "\"" + time.today() + "\""));

        assertField(response, "amount");
        assertThat(paymentsOf(customer)).isEmpty();
    }

    @Test
    void refusesFractionsOfAYen() {
        CustomerView customer = customerService.register(new NewCustomer(TestFixtures.unique("JPY"), "Yoko",
                TestFixtures.unique("y") + "@customer.example", "en", Segment.CONSUMER, RiskBand.B, "JPY"));

        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/api/payments", payment(customer, "0.4",
                "JPY", "\"" + time.today() + "\""));

        assertField(response, "amount");
    }

    @Test
    void refusesAnAllocationFinerThanTheCurrencysMinorUnit() {
        CustomerView customer = fixtures.customer();
        var invoice = fixtures.overdueInvoice(customer, "50.00", 5, time.today());
        String body = """
                {"externalId": "%s", "customerId": "%s", "amount": 10.00, "currency": "EUR",
                 "receivedOn": "%s", "method": "BANK_TRANSFER",
                 "allocations": [{"invoiceNumber": "%s", "amount": 9.999}]}
                """.formatted(TestFixtures.unique("PAY"), customer.id(), time.today(), invoice.number());

        assertField(send(HttpMethod.POST, "/api/payments", body), "allocations[0].amount");
    }

    @Test
    void refusesADateGivenAsANumber() {
        CustomerView customer = fixtures.customer();

        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/api/payments", payment(customer, "10.00",
                "EUR", "20261201"));

        assertField(response, "receivedOn");
        assertThat(paymentsOf(customer)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "2200-01-01", "+57443-01-01"})
    void refusesInvoiceDatesOutsideTheBusinessRange(String date) {
        CustomerView customer = fixtures.customer();
        String body = """
                {"number": "%s", "customerId": "%s", "currency": "EUR", "issueDate": "%s", "dueDate": "2026-04-01",
                 "lines": [{"description": "Consulting", "quantity": 1, "unitPrice": 10.00, "taxRate": 0}]}
                """.formatted(TestFixtures.unique("INV"), customer.id(), date);

        assertField(send(HttpMethod.POST, "/api/invoices", body), "issueDate");
    }

    @Test
    void refusesAPaymentReceivedAfterToday() {
        CustomerView customer = fixtures.customer();

        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/api/payments", payment(customer, "10.00",
                "EUR", "\"" + time.today().plusDays(1) + "\""));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("type").asText()).endsWith("/payment-in-the-future");
        assertThat(paymentsOf(customer)).isEmpty();
    }

    @Test
    void refusesAKeyGivenTwice() {
        String ref = TestFixtures.unique("DUP");
        String body = customer(ref, "\"name\": \"Ada\", \"name\": \"Eve\"", "EUR");

        assertField(send(HttpMethod.POST, "/api/customers", body), "name");
        assertNoCustomer(ref);
    }

    @Test
    void refusesANumberWhereTextBelongs() {
        String ref = TestFixtures.unique("NUM");

        assertField(send(HttpMethod.POST, "/api/customers", customer(ref, "\"name\": 123", "EUR")), "name");
        assertNoCustomer(ref);
    }

    @Test
    void refusesTextWhereAFlagBelongs() {
        CustomerView customer = fixtures.customer();

        assertField(send(HttpMethod.PUT, "/api/customers/" + customer.id() + "/hardship", "{\"hardship\": \"true\"}"),
                "hardship");
        assertThat(customerService.get(customer.id()).hardship()).isFalse();
    }

    @Test
    void refusesANumberForAnEnum() {
        String ref = TestFixtures.unique("ENUM");
        String body = customer(ref, "\"name\": \"Ada\"", "EUR").replace("\"segment\": \"CONSUMER\"", "\"segment\": 0");

        assertField(send(HttpMethod.POST, "/api/customers", body), "segment");
        assertNoCustomer(ref);
    }

    @Test
    void refusesANulCharacterInAName() {
        String ref = TestFixtures.unique("NUL");

        assertField(send(HttpMethod.POST, "/api/customers", customer(ref, "\"name\": \"Ada\\u0000Lovelace\"", "EUR")),
                "name");
        assertNoCustomer(ref);
    }

    @Test
    void answersNotFoundWhenPausingAnUnknownCustomer() {
        ResponseEntity<JsonNode> response = send(HttpMethod.PUT, "/api/customers/" + UUID.randomUUID()
                + "/dunning-pause", "{\"reason\": \"Holiday\", \"until\": \"" + time.today().plusDays(5) + "\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as("integration").exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private static void assertField(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().findValuesAsText("field")).contains(field);
    }

    private void assertNoCustomer(String ref) {
        assertThat(as("integration").getForEntity("/api/customers?externalRef=" + ref, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode paymentsOf(CustomerView customer) {
        return as("collector").getForObject("/api/customers/" + customer.id() + "/account", JsonNode.class)
                .get("payments");
    }

    private static String customer(String ref, String nameMember, String currency) {
        return """
                {"externalRef": "%s", %s, "email": "%s@customer.example", "segment": "CONSUMER", "currency": "%s"}
                """.formatted(ref, nameMember, ref.toLowerCase(), currency);
    }

    private static String payment(CustomerView customer, String amount, String currency, String receivedOn) {
        return """
                {"externalId": "%s", "customerId": "%s", "amount": %s, "currency": "%s", "receivedOn": %s,
                 "method": "BANK_TRANSFER"}
                """.formatted(TestFixtures.unique("PAY"), customer.id(), amount, currency, receivedOn);
    }
}
