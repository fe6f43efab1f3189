package io.recollect.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The cells of README's "Who may do what" that no other test covers, through HTTP. */
class RoleMatrixIntegrationTests extends IntegrationTest {

    @BeforeEach
    void aMinuteIntoTheDay() {
        // Module events an earlier test left to be redelivered carry the frozen clock's START;
        // a minute on they count as old enough, and settle() is not left waiting for them.
        time.advance(Duration.ofMinutes(1));
    }

    @BeforeEach
    void finance() {
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void financeRecordsPaymentsAndCollectorsDoNot() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "50.00", 2, time.today());
        cases.settle();
        Map<String, Object> payment = Map.of("externalId", TestFixtures.unique("PAY"), "customerId", customer.id(),
                "amount", "50.00", "currency", "EUR", "receivedOn", time.today().toString(), "method", "BANK_TRANSFER");

        ResponseEntity<JsonNode> collector = as("collector").postForEntity("/api/payments", payment, JsonNode.class);
        ResponseEntity<JsonNode> finance = as("fiona").postForEntity("/api/payments", payment, JsonNode.class);
        cases.settle();

        assertThat(collector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(finance.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void financeNeitherPausesDunningNorRecordsPromises() {
        CustomerView customer = fixtures.customer();
        String base = "/api/customers/" + customer.id();

        ResponseEntity<JsonNode> pause = as("fiona").exchange(base + "/dunning-pause", HttpMethod.PUT,
                new HttpEntity<>(Map.of("reason", "Asked to", "until", time.today().plusDays(3).toString())), JsonNode.class);
        ResponseEntity<JsonNode> promise = as("fiona").postForEntity(base + "/promises",
                Map.of("promisedDate", time.today().plusDays(3).toString(), "amount", "10.00"), JsonNode.class);

        assertThat(pause.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(promise.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void collectorNegotiatesAPlanButCannotWorkTheManagersApproval() {
        CustomerView customer = fixtures.customer(io.recollect.customers.Segment.SMALL_BUSINESS,
                io.recollect.customers.RiskBand.D);
        fixtures.overdueInvoice(customer, "400.00", 5, time.today());
        cases.settle();
        assertThat(as("collector").exchange("/api/customers/" + customer.id() + "/hardship", HttpMethod.PUT,
                new HttpEntity<>(Map.of("hardship", true, "note", "Lost their job")), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        cases.settle();
        Task negotiate = cases.openTask(customer);
        String negotiateTask = "/engine-rest/task/" + negotiate.getId();
        assertThat(as("collector").postForEntity(negotiateTask + "/claim", Map.of("userId", "collector"), Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("collector").postForEntity(negotiateTask + "/complete", Map.of("variables", Map.of(
                "instalmentCount", Map.of("value", 4), "frequency", Map.of("value", "MONTHLY"),
                "firstDueDate", Map.of("value", time.today().plusDays(10).toString()))), Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        cases.settle();
        Task plan = cases.openTask(customer);
        String task = "/engine-rest/task/" + plan.getId();

        ResponseEntity<JsonNode> claim = as("collector").postForEntity(task + "/claim", Map.of("userId", "collector"),
                JsonNode.class);
        ResponseEntity<JsonNode> complete = as("collector").postForEntity(task + "/complete",
                Map.of("variables", Map.of("approvalDecision", Map.of("value", "APPROVE"))), JsonNode.class);

        assertThat(plan.getTaskDefinitionKey()).isEqualTo("Task_ApprovePlan");
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cases.openTask(customer).getId()).isEqualTo(plan.getId());
        ResponseEntity<Void> manager = as("manager").postForEntity(task + "/claim", Map.of("userId", "manager"),
                Void.class);
        assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void onlyIntegrationsAndAdminsImportHistory() {
        String ref = TestFixtures.unique("IMP");
        String line = "{\"type\":\"customer\",\"externalRef\":\"" + ref + "\",\"name\":\"Ada\",\"email\":\""
                + ref.toLowerCase() + "@history.example\",\"segment\":\"CONSUMER\",\"currency\":\"EUR\"}\n";
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson"));
        HttpEntity<String> file = new HttpEntity<>(line, headers);

        ResponseEntity<JsonNode> finance = as("fiona").exchange("/api/imports", HttpMethod.POST, file, JsonNode.class);
        ResponseEntity<JsonNode> manager = as("manager").exchange("/api/imports", HttpMethod.POST, file, JsonNode.class);
        ResponseEntity<JsonNode> integration = as("integration").exchange("/api/imports", HttpMethod.POST, file,
                JsonNode.class);

        assertThat(finance.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(integration.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String progress = "/api/imports/" + integration.getBody().path("id").asText();
        assertThat(as("fiona").getForEntity(progress, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForEntity(progress, JsonNode.class).getBody().path("customersCreated").asInt())
                .isEqualTo(1);
    }

    @Test
    void onlyCollectionManagersRunChallengersAndCompareArms() {
        String table = "/api/rule-tables/collection-path";
        String version = as("manager").getForObject(table + "/versions", JsonNode.class).get(0).path("id").asText();
        for (String user : List.of("collector", "fiona", "admin", "integration")) {
            assertThat(as(user).postForEntity(table + "/versions/" + version + "/challenger", Map.of("share", 10),
                    JsonNode.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(user).exchange(table + "/challenger", HttpMethod.DELETE, null, JsonNode.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(user).getForEntity(table + "/challengers", JsonNode.class).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(user).getForEntity(table + "/arms", JsonNode.class).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(as("manager").getForEntity(table + "/arms", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("manager").getForEntity(table + "/challengers", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyFinanceAndAdminsOpenTheFinancePage() {
        assertThat(as("fiona").getForEntity("/finance", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("admin").getForEntity("/finance", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("collector").getForEntity("/finance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("manager").getForEntity("/finance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("integration").getForEntity("/finance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void collectorsRaiseADisputeNamingTheInvoiceByNumberAndFinanceDoesNot() {
        CustomerView customer = fixtures.customer();
        var invoice = fixtures.overdueInvoice(customer, "70.00", 2, time.today());
        cases.settle();

        ResponseEntity<JsonNode> finance = as("fiona").postForEntity("/api/disputes",
                Map.of("invoiceNumber", invoice.number(), "reason", "Not delivered"), JsonNode.class);
        ResponseEntity<JsonNode> collector = as("collector").postForEntity("/api/disputes",
                Map.of("invoiceNumber", invoice.number(), "reason", "Not delivered"), JsonNode.class);
        cases.settle();

        assertThat(finance.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(collector.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void planAndWriteOffActionsOfTheAccountPageAreForCollectorsAndManagers() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "90.00", 5, time.today());
        cases.settle();
        org.springframework.util.MultiValueMap<String, String> terms = new org.springframework.util.LinkedMultiValueMap<>();
        terms.add("instalments", "3");
        terms.add("frequency", "MONTHLY");
        terms.add("firstDueDate", time.today().plusDays(10).toString());

        for (String user : List.of("collector", "manager", "fiona")) {
            ResponseEntity<String> page = as(user).getForEntity("/customers/" + customer.id(), String.class);
            String cookie = page.getHeaders().getOrEmpty(org.springframework.http.HttpHeaders.SET_COOKIE).stream()
                    .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";")[0]).findFirst().orElse("");
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
                    .matcher(page.getBody());
            assertThat(csrf.find()).isTrue();
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
            headers.add(org.springframework.http.HttpHeaders.COOKIE, cookie);
            headers.add("X-CSRF-TOKEN", csrf.group(1));
            ResponseEntity<String> preview = as(user).exchange("/customers/" + customer.id()
                    + "/payment-plans/preview", HttpMethod.POST, new HttpEntity<>(terms, headers), String.class);
            boolean may = !user.equals("fiona");
            assertThat(page.getBody().contains("Propose a plan")).as(user).isEqualTo(may);
            assertThat(preview.getStatusCode()).as(user).isEqualTo(may ? HttpStatus.OK : HttpStatus.FORBIDDEN);
        }
    }
}
