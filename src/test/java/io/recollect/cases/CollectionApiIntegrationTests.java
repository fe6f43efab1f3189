package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceView;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Promises, disputes, pauses and hardship through the API, and the timeline that explains a case. */
class CollectionApiIntegrationTests extends IntegrationTest {

    @Test
    void collectorRecordsAPromiseAndTheTimelineExplainsTheHold() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "150.00", 5, time.today());
        cases.settle();
        time.advance(Duration.ofHours(2));

        ResponseEntity<JsonNode> promise = as("collector").postForEntity("/api/customers/" + customer.id() + "/promises",
                Map.of("promisedDate", time.today().plusDays(7).toString(), "amount", "150.00"), JsonNode.class);
        cases.settle();

        assertThat(promise.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode timeline = as("collector").getForObject("/api/customers/" + customer.id() + "/timeline", JsonNode.class);
        List<String> kinds = timeline.findValuesAsText("kind");
        assertThat(kinds).containsSubsequence("CASE_OPENED", "DECISION", "EMAIL", "PROMISE_RECORDED", "DECISION");
        assertThat(timeline.get(timeline.size() - 1).get("summary").asText())
                .startsWith("HOLD: Waiting for the promised payment (collection-path ").endsWith(", R3 (row 20))");
    }

    @Test
    void refusesAPromiseInThePastOrWithoutAnOpenCase() {
        CustomerView customer = fixtures.customer();

        ResponseEntity<JsonNode> noCase = as("collector").postForEntity("/api/customers/" + customer.id() + "/promises",
                Map.of("promisedDate", time.today().plusDays(7).toString(), "amount", "10.00"), JsonNode.class);
        fixtures.overdueInvoice(customer, "150.00", 5, time.today());
        cases.settle();
        ResponseEntity<JsonNode> past = as("collector").postForEntity("/api/customers/" + customer.id() + "/promises",
                Map.of("promisedDate", time.today().minusDays(1).toString(), "amount", "10.00"), JsonNode.class);

        assertThat(noCase.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noCase.getBody().get("type").asText()).endsWith("/no-open-case");
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(past.getBody().get("type").asText()).endsWith("/promise-in-the-past");
    }

    @Test
    void disputingAnInvoiceTwiceIsAConflict() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "90.00", 3, time.today());
        String path = "/api/invoices/" + invoice.id() + "/disputes";

        ResponseEntity<JsonNode> first = as("collector").postForEntity(path, Map.of("reason", "Wrong price"), JsonNode.class);
        ResponseEntity<JsonNode> second = as("collector").postForEntity(path, Map.of("reason", "Again"), JsonNode.class);
        ResponseEntity<JsonNode> blank = as("collector").postForEntity(path, Map.of("reason", " "), JsonNode.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("status").asText()).isEqualTo("OPEN");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().at("/errors/0/field").asText()).isEqualTo("reason");
    }

    @Test
    void pausesAndResumesDunningForAnAccount() {
        CustomerView customer = fixtures.customer();
        String path = "/api/customers/" + customer.id() + "/dunning-pause";

        ResponseEntity<Void> paused = as("collector").exchange(path, HttpMethod.PUT, new HttpEntity<>(
                Map.of("reason", "Bereavement", "until", time.today().plusDays(14).toString())), Void.class);
        // a person resumes a moment later: on one instant of the test clock the two would tie in the timeline
        time.advance(Duration.ofMinutes(1));
        ResponseEntity<Void> resumed = as("collector").exchange(path, HttpMethod.DELETE, null, Void.class);
        ResponseEntity<JsonNode> again = as("collector").exchange(path, HttpMethod.DELETE, null, JsonNode.class);
        ResponseEntity<JsonNode> tooLong = as("collector").exchange(path, HttpMethod.PUT, new HttpEntity<>(
                Map.of("reason", "Forever", "until", time.today().plusYears(2).toString())), JsonNode.class);

        assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(resumed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode timeline = as("collector").getForObject("/api/customers/" + customer.id() + "/timeline", JsonNode.class);
        assertThat(timeline.findValuesAsText("kind")).containsExactly("DUNNING_PAUSED", "DUNNING_RESUMED");
        assertThat(timeline.get(0).get("actor").asText()).isEqualTo("collector");
    }

    @Test
    void hardshipFlagIsSetByCollectorsButNotByFinance() {
        CustomerView customer = fixtures.customer();
        String path = "/api/customers/" + customer.id() + "/hardship";

        ResponseEntity<JsonNode> set = as("collector").exchange(path, HttpMethod.PUT,
                new HttpEntity<>(Map.of("hardship", true, "note", "Lost job")), JsonNode.class);

        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody().get("hardship").asBoolean()).isTrue();
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "f@test.example", List.of("finance"));
        assertThat(as("fiona").exchange(path, HttpMethod.PUT, new HttpEntity<>(Map.of("hardship", false)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
