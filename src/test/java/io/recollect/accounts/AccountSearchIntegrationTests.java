package io.recollect.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** People find customers and invoices through the API: a page at a time, by text, segment, aging and case action. */
class AccountSearchIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void listsCustomersWithoutAFilterAPageAtATime() {
        fixtures.customer();
        fixtures.customer();

        ResponseEntity<JsonNode> first = as("collector").getForEntity("/api/customers?size=1", JsonNode.class);
        ResponseEntity<JsonNode> second = as("collector").getForEntity("/api/customers?size=1&page=1", JsonNode.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("items")).hasSize(1);
        assertThat(first.getBody().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(second.getBody().get("items").get(0).get("id"))
                .isNotEqualTo(first.getBody().get("items").get(0).get("id"));
    }

    @Test
    void findsACustomerByNameReferenceEmailOrInvoiceNumberAndShowsThePhone() {
        String name = TestFixtures.unique("Ada Lovelace");
        String ref = TestFixtures.unique("REF");
        ResponseEntity<JsonNode> registered = as("integration").postForEntity("/api/customers", Map.of(
                "externalRef", ref, "name", name, "email", ref.toLowerCase() + "@example.org",
                "segment", "CONSUMER", "currency", "EUR", "phone", "+44 20 7946 0958"), JsonNode.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody().get("phone").asText()).isEqualTo("+44 20 7946 0958");
        String id = registered.getBody().get("id").asText();
        CustomerView customer = new CustomerView(java.util.UUID.fromString(id), ref, name, null, "en",
                Segment.CONSUMER, RiskBand.B, "EUR", false, null, null, null);
        InvoiceView invoice = fixtures.overdueInvoice(customer, "75.00", 10, time.today());

        for (String q : List.of(name.substring(4, 16).toUpperCase(), ref, ref.toLowerCase() + "@example", invoice.number())) {
            JsonNode page = as("collector").getForEntity("/api/customers?q={q}", JsonNode.class, q).getBody();
            assertThat(page.get("items").findValuesAsText("id")).as(q).containsExactly(id);
            assertThat(page.get("items").get(0).get("phone").asText()).isEqualTo("+44 20 7946 0958");
            assertThat(page.get("items").get(0).get("overdue").get("amount").decimalValue())
                    .isEqualByComparingTo("75.00");
        }
    }

    @Test
    void filtersBySegmentAgingBucketAndCaseAction() {
        CustomerView fresh = fixtures.customer(Segment.PATIENT, RiskBand.B);
        fixtures.overdueInvoice(fresh, "40.00", 12, time.today());
        CustomerView old = fixtures.customer(Segment.PATIENT, RiskBand.B);
        fixtures.overdueInvoice(old, "60.00", 75, time.today());
        cases.settle();

        List<String> days1To30 = ids("/api/customers?segment=PATIENT&agingBucket=DAYS_1_30&size=100");
        List<String> days61To90 = ids("/api/customers?segment=PATIENT&agingBucket=DAYS_61_90&size=100");
        List<String> enterprise = ids("/api/customers?segment=ENTERPRISE&size=100");
        List<String> escalated = ids("/api/customers?segment=PATIENT&caseAction=ESCALATE&size=100");
        List<String> reminded = ids("/api/customers?segment=PATIENT&caseAction=REMIND&size=100");

        assertThat(days1To30).contains(fresh.id().toString()).doesNotContain(old.id().toString());
        assertThat(days61To90).contains(old.id().toString()).doesNotContain(fresh.id().toString());
        assertThat(enterprise).doesNotContain(fresh.id().toString(), old.id().toString());
        // found 60 days overdue before any reminder: a collector calls; 12 days: a friendly reminder
        assertThat(escalated).contains(old.id().toString()).doesNotContain(fresh.id().toString());
        assertThat(reminded).contains(fresh.id().toString()).doesNotContain(old.id().toString());
    }

    @Test
    void listsInvoicesByNumberAndCustomer() {
        CustomerView customer = fixtures.customer();
        InvoiceView first = fixtures.overdueInvoice(customer, "10.00", 5, time.today());
        InvoiceView second = fixtures.overdueInvoice(customer, "20.00", 3, time.today());

        JsonNode byCustomer = as("collector").getForEntity("/api/invoices?customerId=" + customer.id(), JsonNode.class)
                .getBody();
        JsonNode byNumber = as("collector").getForEntity("/api/invoices?q=" + first.number(), JsonNode.class).getBody();

        assertThat(byCustomer.get("items").findValuesAsText("number")).containsExactly(second.number(), first.number());
        assertThat(byCustomer.get("items").get(0).get("daysPastDue").asInt()).isEqualTo(3);
        assertThat(byNumber.get("items").findValuesAsText("id")).containsExactly(first.id().toString());
    }

    @Test
    void refusesAPageTooLargeNamingTheField() {
        ResponseEntity<JsonNode> tooLarge = as("collector").getForEntity("/api/customers?size=1000", JsonNode.class);
        ResponseEntity<JsonNode> badSegment = as("collector").getForEntity("/api/customers?segment=PIRATES", JsonNode.class);

        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLarge.getBody().findValuesAsText("field")).containsExactly("size");
        assertThat(badSegment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void everyCustomerAListShowsIsInTheAccessLog() {
        CustomerView customer = fixtures.customer();

        as("collector").getForEntity("/api/customers?q=" + customer.externalRef(), JsonNode.class);

        assertThat(jdbc.queryForList("select endpoint from access_log where customer_id = ? and user_id = 'collector'",
                String.class, customer.id())).containsExactly("/api/customers");
    }

    private List<String> ids(String path) {
        ResponseEntity<JsonNode> response = as("collector").getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody().get("items").findValuesAsText("id");
    }
}
