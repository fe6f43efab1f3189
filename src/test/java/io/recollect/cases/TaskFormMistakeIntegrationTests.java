package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A collector's mistake on the contact form (a promise with no date, a date in the past, an
 * invoice number that does not exist) is told in plain words naming the field, as a 4xx, and is
 * not an ERROR in the log; the task stays open and nothing is written.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskFormMistakeIntegrationTests extends IntegrationTest {

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void aPromiseWithoutADateIsAskedForItsDate(CapturedOutput log) {
        CustomerView customer = escalatedEnterpriseCase("500.00");

        ResponseEntity<JsonNode> response = complete(customer, Map.of(
                "contactOutcome", Map.of("value", "PROMISE_TO_PAY"),
                "promisedAmount", Map.of("value", 100.0, "type", "Double")));

        assertPlainMistake(response, "promisedDate", "promised date", log);
        assertThat(kinds(customer)).doesNotContain("PROMISE_RECORDED", "CALL_NOTE");
    }

    @Test
    void aPromiseForADayGoneByIsRefused(CapturedOutput log) {
        CustomerView customer = escalatedEnterpriseCase("500.00");

        ResponseEntity<JsonNode> response = complete(customer, Map.of(
                "contactOutcome", Map.of("value", "PROMISE_TO_PAY"),
                "promisedDate", Map.of("value", time.today().minusDays(3).toString()),
                "promisedAmount", Map.of("value", 100.0, "type", "Double")));

        assertPlainMistake(response, "promisedDate", "promised date", log);
        assertThat(kinds(customer)).doesNotContain("PROMISE_RECORDED", "CALL_NOTE");
    }

    @Test
    void aDisputeOfAnInvoiceThatDoesNotExistNamesTheInvoiceNumber(CapturedOutput log) {
        CustomerView customer = escalatedEnterpriseCase("500.00");

        ResponseEntity<JsonNode> response = complete(customer, Map.of(
                "contactOutcome", Map.of("value", "DISPUTE"),
                "disputedInvoice", Map.of("value", "NO-SUCH-INVOICE"),
                "disputeReason", Map.of("value", "Never ordered")));

        assertPlainMistake(response, "disputedInvoice", "invoice", log);
        assertThat(kinds(customer)).doesNotContain("DISPUTE_RAISED", "CALL_NOTE");
    }

    private ResponseEntity<JsonNode> complete(CustomerView customer, Map<String, Object> variables) {
        Task task = cases.openTask(customer);
        assertThat(as("collector").postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                Map.of("userId", "collector"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> response = as("collector").postForEntity("/engine-rest/task/" + task.getId()
                + "/submit-form", Map.of("variables", variables), JsonNode.class);
        assertThat(cases.openTask(customer).getId()).isEqualTo(task.getId());
        return response;
    }

    private static void assertPlainMistake(ResponseEntity<JsonNode> response, String field, String words,
            CapturedOutput log) {
        assertThat(response.getStatusCode().is4xxClientError()).as(response.toString()).isTrue();
        String message = response.getBody().path("message").asText(response.getBody().path("detail").asText());
        assertThat(message).containsIgnoringCase(words).doesNotContain("ENGINE-", "TaskListener", "Exception");
        assertThat(response.getBody().toString()).contains(field);
        assertThat(log.getOut() + log.getErr()).doesNotContain(" ERROR ").doesNotContain("ENGINE-03051");
    }
}
