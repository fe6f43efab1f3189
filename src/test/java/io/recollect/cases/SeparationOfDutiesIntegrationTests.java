package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.accounts.TimelineEntry;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.invoicing.InvoiceView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Whoever raised something does not decide it, whichever door they complete the task through;
 * long pauses take a manager (write-offs: writeoffs.WriteOffIntegrationTests). All through
 * HTTP, as the people would do it.
 */
class SeparationOfDutiesIntegrationTests extends IntegrationTest {

    @Autowired
    TaskService tasks;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    DunningPauseService pauses;

    @BeforeEach
    void aMinuteIntoTheDay() {
        // Module events an earlier test left to be redelivered carry the frozen clock's START;
        // a minute on they count as old enough, and settle() is not left waiting for them.
        time.advance(Duration.ofMinutes(1));
    }

    @BeforeEach
    void moreColleagues() {
        identity.ensureUser("mila", PASSWORD, "Mila", "Manager", "mila@test.example", List.of(Roles.MANAGERS));
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void managerWhoNegotiatedAPlanCannotApproveIt() {
        CustomerView customer = fixtures.customer(Segment.SMALL_BUSINESS, RiskBand.D);
        fixtures.overdueInvoice(customer, "400.00", 5, time.today());
        cases.settle();
        assertThat(as("manager").exchange("/api/customers/" + customer.id() + "/hardship", HttpMethod.PUT,
                new HttpEntity<>(Map.of("hardship", true, "note", "Lost their job")), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        cases.settle();
        Task negotiate = cases.openTask(customer);
        tasks.claim(negotiate.getId(), "manager");
        tasks.complete(negotiate.getId(), Map.of("instalmentCount", 4L, "frequency", "MONTHLY",
                "firstDueDate", time.today().plusDays(10).toString()));
        cases.settle();
        Task plan = cases.openTask(customer);
        assertThat(plan.getTaskDefinitionKey()).isEqualTo(io.recollect.plans.HardshipPlanProcess.TASK_APPROVE_PLAN);
        claim(plan, "manager");
        Map<String, Object> decision = Map.of("variables", Map.of("approvalDecision", Map.of("value", "APPROVE")));

        ResponseEntity<JsonNode> viaRest = as("manager").postForEntity(task(plan) + "/complete", decision, JsonNode.class);
        ResponseEntity<JsonNode> viaTasklist = as("manager").postForEntity(
                "/camunda/api/engine/engine/default/task/" + plan.getId() + "/submit-form", decision, JsonNode.class);

        assertThat(viaRest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viaRest.getBody().toString()).contains("manager negotiated this plan");
        assertThat(viaTasklist.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cases.openTask(customer).getId()).isEqualTo(plan.getId());
        unclaim(plan, "manager");
        claim(plan, "mila");
        assertThat(as("mila").postForEntity(task(plan) + "/complete", decision, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        cases.settle();
        assertThat(kinds(customer)).contains("PLAN_ACTIVE");
    }

    @Test
    void managerWhoRaisedADisputeCannotResolveIt() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "250.00", 5, time.today());
        cases.settle();
        assertThat(as("manager").postForEntity("/api/invoices/" + invoice.id() + "/disputes",
                Map.of("reason", "Charged twice"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        cases.settle();
        Task resolve = cases.openTask(customer);
        assertThat(resolve.getTaskDefinitionKey()).isEqualTo(DisputeProcess.TASK_RESOLVE_DISPUTE);
        claim(resolve, "manager");
        Map<String, Object> credit = Map.of("variables", Map.of("resolution", Map.of("value", "CREDIT"),
                "creditAmount", Map.of("value", 250.0), "resolutionNote", Map.of("value", "Duplicate billing")));

        ResponseEntity<JsonNode> own = as("manager").postForEntity(task(resolve) + "/complete", credit, JsonNode.class);

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(invoices.get(invoice.id()).status()).isNotEqualTo(InvoiceStatus.CANCELLED);
        assertThat(kinds(customer)).doesNotContain("DISPUTE_CREDITED");

        unclaim(resolve, "manager");
        claim(resolve, "mila");
        assertThat(as("mila").postForEntity(task(resolve) + "/complete", credit, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        cases.settle();
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.CANCELLED);
    }

    @Test
    void collectorPausesUpToTheLimitAndALongerPauseNeedsAManager() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "80.00", 2, time.today());
        String account = "/api/customers/" + customer.id() + "/dunning-pause";
        String oneInvoice = "/api/invoices/" + invoice.id() + "/dunning-pause";

        ResponseEntity<JsonNode> tooLong = as("collector").exchange(account, HttpMethod.PUT, pause(15), JsonNode.class);
        ResponseEntity<JsonNode> invoiceTooLong = as("collector").exchange(oneInvoice, HttpMethod.PUT, pause(15),
                JsonNode.class);

        for (ResponseEntity<JsonNode> response : List.of(tooLong, invoiceTooLong)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getBody().get("type").asText()).endsWith("/pause-needs-manager");
        }
        assertThat(kinds(customer)).doesNotContain("DUNNING_PAUSED");
        assertThat(as("collector").exchange(account, HttpMethod.PUT, pause(14), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("manager").exchange(account, HttpMethod.PUT, pause(60), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("integration").exchange(oneInvoice, HttpMethod.PUT, pause(30), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        cases.settle();
    }

    private HttpEntity<Map<String, String>> pause(int days) {
        return new HttpEntity<>(Map.of("reason", "Customer in hospital", "until", time.today().plusDays(days).toString()));
    }

    private void claim(Task task, String user) {
        assertThat(as(user).postForEntity(task(task) + "/claim", Map.of("userId", user), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void unclaim(Task task, String user) {
        assertThat(as(user).postForEntity(task(task) + "/unclaim", Map.of(), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static String task(Task task) {
        return "/engine-rest/task/" + task.getId();
    }

}
