package io.recollect.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.accounts.TimelineEntry;
import io.recollect.cases.CollectionCaseService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A collector works their task through Camunda's REST API and Tasklist's door to it, and cannot
 * use the task to rewrite its process: only the form's fields, of their types, and no one else's
 * name on the task. The case a task acts on comes from its process, never from a variable.
 */
class TaskGuardIntegrationTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.recollect.customers.AccountSchedule schedule;

    @Autowired
    TaskService tasks;
    @Autowired
    CollectionCaseService collectionCases;

    @BeforeEach
    void aMinuteIntoTheDay() {
        // Module events an earlier test left to be redelivered carry the frozen clock's START;
        // a minute on they count as old enough, and settle() is not left waiting for them.
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void collectorCannotWriteTaskVariables() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Task task = cases.openTask(customer);
        String base = "/engine-rest/task/" + task.getId();
        claimAsCollector(task);

        ResponseEntity<JsonNode> put = as("collector").exchange(base + "/variables/anything", HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", "x", "type", "String")), JsonNode.class);
        ResponseEntity<JsonNode> modify = as("collector").postForEntity(base + "/variables",
                Map.of("modifications", Map.of("waitUntil", Map.of("value", "2099-01-01T00:00:00.000+0000",
                        "type", "Date"))), JsonNode.class);
        ResponseEntity<JsonNode> local = as("collector").exchange(base + "/localVariables/anything", HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", "x", "type", "String")), JsonNode.class);
        ResponseEntity<JsonNode> delete = as("collector").exchange(base + "/variables/customerId", HttpMethod.DELETE,
                null, JsonNode.class);

        for (ResponseEntity<JsonNode> response : List.of(put, modify, local, delete)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        }
        assertThat(runtime.getVariables(task.getProcessInstanceId())).doesNotContainKey("anything")
                .containsKey("customerId").doesNotContainEntry("waitUntil", java.util.Date.from(
                        java.time.Instant.parse("2099-01-01T00:00:00Z")));
    }

    @Test
    void collectorCannotCompleteATaskWithVariablesItsFormDoesNotDeclare() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        CustomerView other = customerWithAnOpenCase();
        Task task = cases.openTask(customer);
        claimAsCollector(task);

        ResponseEntity<JsonNode> tampered = as("collector").postForEntity("/engine-rest/task/" + task.getId()
                + "/complete", Map.of("variables", Map.of(
                        "contactOutcome", Map.of("value", "WRONG_CONTACT_DETAILS", "type", "String"),
                        "caseId", Map.of("value", collectionCases.openCase(other.id()).orElseThrow().id().toString()),
                        "customerId", Map.of("value", other.id().toString()))), JsonNode.class);

        assertThat(tampered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tampered.getBody().get("type").asText()).endsWith("/invalid-task-form");
        assertThat(tampered.getBody().findValuesAsText("field")).containsExactlyInAnyOrder("caseId", "customerId");
        assertThat(cases.openTask(customer).getId()).isEqualTo(task.getId());
        assertThat(kinds(customer)).doesNotContain("DUNNING_PAUSED", "CALL_NOTE");
        assertThat(kinds(other)).doesNotContain("DUNNING_PAUSED");

        ResponseEntity<JsonNode> honest = as("collector").postForEntity("/engine-rest/task/" + task.getId()
                + "/complete", Map.of("variables", Map.of(
                        "contactOutcome", Map.of("value", "WRONG_CONTACT_DETAILS", "type", "String"))), JsonNode.class);
        cases.settle();

        assertThat(honest.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(kinds(customer)).contains("DUNNING_PAUSED", "CALL_NOTE");
        assertThat(kinds(other)).doesNotContain("DUNNING_PAUSED");
    }

    @Test
    void formValuesAreCheckedForTheirTypeAndDeclaredChoices() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Task task = cases.openTask(customer);
        claimAsCollector(task);
        String complete = "/engine-rest/task/" + task.getId() + "/complete";

        Map<String, Map<String, Object>> submissions = Map.of(
                "contactOutcome", Map.of("contactOutcome", Map.of("value", "FORGET_THE_DEBT")),
                "promisedAmount", Map.of("contactOutcome", Map.of("value", "PROMISE_TO_PAY"),
                        "promisedAmount", Map.of("value", "lots", "type", "String")),
                "contactNote", Map.of("contactOutcome", Map.of("value", "NO_CONTACT"),
                        "contactNote", Map.of("value", "rO0ABXQAAWE=", "type", "Object",
                                "valueInfo", Map.of("objectTypeName", "java.lang.String",
                                        "serializationDataFormat", "application/x-java-serialized-object"))),
                "promisedDate", Map.of("contactOutcome", Map.of("value", "PROMISE_TO_PAY"),
                        "promisedDate", Map.of("value", "next week")));
        submissions.forEach((field, variables) -> {
            ResponseEntity<JsonNode> response = as("collector").postForEntity(complete,
                    Map.of("variables", variables), JsonNode.class);
            assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().findValuesAsText("field")).as(field).containsExactly(field);
        });
        ResponseEntity<JsonNode> empty = as("collector").postForEntity(complete, Map.of(), JsonNode.class);

        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().findValuesAsText("field")).containsExactly("contactOutcome");
        assertThat(cases.openTask(customer).getId()).isEqualTo(task.getId());
        assertThat(kinds(customer)).doesNotContain("CALL_NOTE");
    }

    @Test
    void collectorMayClaimATaskButNotGiveItToSomeoneElse() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Task task = cases.openTask(customer);
        String base = "/engine-rest/task/" + task.getId();

        ResponseEntity<JsonNode> forManager = as("collector").postForEntity(base + "/claim",
                Map.of("userId", "manager"), JsonNode.class);
        ResponseEntity<JsonNode> assignManager = as("collector").postForEntity(base + "/assignee",
                Map.of("userId", "manager"), JsonNode.class);
        ResponseEntity<JsonNode> delegate = as("collector").postForEntity(base + "/delegate",
                Map.of("userId", "manager"), JsonNode.class);
        ResponseEntity<JsonNode> candidate = as("collector").postForEntity(base + "/identity-links",
                Map.of("userId", "manager", "type", "candidate"), JsonNode.class);
        ResponseEntity<JsonNode> update = as("collector").exchange(base, HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "Contact customer", "assignee", "manager")), JsonNode.class);

        for (ResponseEntity<JsonNode> response : List.of(forManager, assignManager, delegate, candidate, update)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).noneMatch(link -> "manager".equals(link.getUserId()));

        ResponseEntity<Void> forThemselves = as("collector").postForEntity(base + "/claim",
                Map.of("userId", "collector"), Void.class);
        ResponseEntity<JsonNode> unclaimOthers = as("manager").postForEntity(base + "/unclaim", Map.of(), JsonNode.class);

        assertThat(forThemselves.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(unclaimOthers.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("collector");
    }

    @Test
    void tasklistsDoorToTheEngineIsGuardedToo() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        CustomerView other = customerWithAnOpenCase();
        Task task = cases.openTask(customer);
        claimAsCollector(task);
        String submit = "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form";
        HttpHeaders tasklist = tasklistSession(task);

        ResponseEntity<JsonNode> tampered = as("collector").exchange(submit, HttpMethod.POST, new HttpEntity<>(
                Map.of("variables", Map.of("contactOutcome", Map.of("value", "WRONG_CONTACT_DETAILS"),
                        "customerId", Map.of("value", other.id().toString()))), tasklist), JsonNode.class);

        assertThat(tampered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tampered.getBody().findValuesAsText("field")).containsExactly("customerId");
        assertThat(cases.openTask(customer).getId()).isEqualTo(task.getId());

        ResponseEntity<String> honest = as("collector").exchange(submit, HttpMethod.POST, new HttpEntity<>(
                Map.of("variables", Map.of("contactOutcome", Map.of("value", "NO_CONTACT", "type", "String"))),
                tasklist), String.class);
        cases.settle();

        assertThat(honest.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(kinds(customer)).contains("CALL_NOTE");
    }

    /** What Tasklist sends along: its session and the webapps' CSRF token from a first GET. */
    private HttpHeaders tasklistSession(Task task) {
        ResponseEntity<String> first = as("collector").getForEntity("/camunda/api/engine/engine/default/task/"
                + task.getId(), String.class);
        List<String> cookies = first.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(cookie -> cookie.split(";")[0]).toList();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
                .ifPresent(c -> headers.add("X-XSRF-TOKEN", c.substring("XSRF-TOKEN=".length())));
        return headers;
    }

    @Test
    void theCaseATaskActsOnComesFromItsProcessNotFromItsVariables() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        CustomerView other = customerWithAnOpenCase();
        Task task = cases.openTask(customer);
        String base = "/engine-rest/task/" + task.getId();
        // Only an admin may still write variables; even then the case's identity does not move.
        for (var variable : Map.of("caseId", collectionCases.openCase(other.id()).orElseThrow().id().toString(),
                "customerId", other.id().toString()).entrySet()) {
            assertThat(as("admin").exchange(base + "/variables/" + variable.getKey(), HttpMethod.PUT,
                    new HttpEntity<>(Map.of("value", variable.getValue(), "type", "String")), Void.class)
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        claimAsCollector(task);

        ResponseEntity<Void> completed = as("collector").postForEntity(base + "/complete", Map.of("variables",
                Map.of("contactOutcome", Map.of("value", "WRONG_CONTACT_DETAILS"))), Void.class);
        cases.settle();

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(kinds(customer)).contains("DUNNING_PAUSED", "CALL_NOTE");
        assertThat(kinds(other)).doesNotContain("DUNNING_PAUSED", "CALL_NOTE");
        assertThat(collectionCases.openCase(other.id())).isPresent();
        // The other case is neither driven twice nor cut off: at most one process, and its next decision stays due.
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("collection-case")
                .processInstanceBusinessKey(collectionCases.openCase(other.id()).orElseThrow().id().toString())
                .count()).isLessThanOrEqualTo(1);
        assertThat(schedule.marks(other.id()).decideAt()).isNotNull();
    }

    private void claimAsCollector(Task task) {
        assertThat(as("collector").postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                Map.of("userId", "collector"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private CustomerView customerWithAnOpenCase() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "120.00", 2, time.today());
        cases.settle();
        assertThat(collectionCases.openCase(customer.id())).isPresent();
        return customer;
    }
}
