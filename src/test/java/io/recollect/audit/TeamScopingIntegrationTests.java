package io.recollect.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * With team scoping on (the suite's one other context), a collector outside the customer's team
 * is refused everything about the customer, reads and changes alike; the refusals are logged.
 */
@TestPropertySource(properties = "recollect.security.team-scoping.enabled=true")
class TeamScopingIntegrationTests extends IntegrationTest {

    private CustomerView customer;
    private InvoiceView invoice;

    @BeforeEach
    void aCustomerOfTeamNorth() {
        identity.ensureTeam("north");
        identity.ensureTeam("south");
        identity.ensureUser("nora", PASSWORD, "Nora", "North", "n@test.example", List.of(Roles.COLLECTORS, Roles.team("north")));
        identity.ensureUser("sam", PASSWORD, "Sam", "South", "s@test.example", List.of(Roles.COLLECTORS, Roles.team("south")));
        identity.ensureUser("auditor", PASSWORD, "Audrey", "Auditor", "au@test.example", List.of(Roles.AUDITORS));
        customer = fixtures.customer();
        invoice = fixtures.overdueInvoice(customer, "250.00", 20, time.today());
        ResponseEntity<JsonNode> assigned = as("integration").exchange("/api/customers/" + customer.id() + "/team",
                HttpMethod.PUT, new HttpEntity<>(Map.of("team", "north")), JsonNode.class);
        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void refusesEveryReadToACollectorOutsideTheTeam() {
        for (String path : List.of("/api/customers/" + customer.id() + "/account",
                "/api/customers/" + customer.id() + "/timeline", "/api/customers/" + customer.id(),
                "/api/customers?externalRef=" + customer.externalRef(), "/api/invoices/" + invoice.id(),
                "/api/invoices?number=" + invoice.number())) {
            assertForbidden(as("sam").getForEntity(path, JsonNode.class), path);
            assertThat(as("nora").getForEntity(path, JsonNode.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void refusesEveryChangeToACollectorOutsideTheTeamAndWritesNothing() {
        String customerPath = "/api/customers/" + customer.id();
        String invoicePath = "/api/invoices/" + invoice.id();
        Map<String, Object> pause = Map.of("reason", "Customer in hospital", "until", time.today().plusDays(10).toString());

        assertForbidden(send("sam", HttpMethod.POST, customerPath + "/promises",
                Map.of("promisedDate", time.today().plusDays(5).toString(), "amount", "100.00")), "promise");
        assertForbidden(send("sam", HttpMethod.PUT, customerPath + "/dunning-pause", pause), "customer pause");
        assertForbidden(send("sam", HttpMethod.DELETE, customerPath + "/dunning-pause", null), "resume");
        assertForbidden(send("sam", HttpMethod.PUT, invoicePath + "/dunning-pause", pause), "invoice pause");
        assertForbidden(send("sam", HttpMethod.POST, invoicePath + "/disputes", Map.of("reason", "Never ordered")), "dispute");
        assertForbidden(send("sam", HttpMethod.PUT, customerPath + "/hardship", Map.of("hardship", true)), "hardship");

        JsonNode account = as("nora").getForObject(customerPath + "/account", JsonNode.class);
        assertThat(account.at("/customer/hardship").asBoolean()).isFalse();
        assertThat(account.at("/openInvoices/0/status").asText()).isEqualTo("ISSUED");
        JsonNode timeline = as("nora").getForObject(customerPath + "/timeline", JsonNode.class);
        assertThat(timeline.findValuesAsText("kind")).doesNotContain("PROMISE_RECORDED", "DUNNING_PAUSED",
                "DISPUTE_RAISED", "HARDSHIP_REPORTED");
        assertThat(send("nora", HttpMethod.PUT, customerPath + "/dunning-pause", pause).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void managersAndCustomersOfNoTeamAreNotBound() {
        CustomerView noTeam = fixtures.customer();

        assertThat(as("manager").getForEntity("/api/customers/" + customer.id() + "/account", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("sam").getForEntity("/api/customers/" + noTeam.id() + "/account", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertForbidden(as("collector").getForEntity("/api/customers/" + customer.id() + "/account", JsonNode.class),
                "a collector of no team");
    }

    @Test
    void logsTheRefusals() {
        as("sam").getForEntity("/api/customers/" + customer.id() + "/account", JsonNode.class);

        JsonNode log = as("auditor").getForObject("/api/access-log?customerId=" + customer.id() + "&user=sam",
                JsonNode.class);

        assertThat(log.at("/entries/0/outcome").asText()).isEqualTo("DENIED");
        assertThat(log.at("/entries/0/endpoint").asText()).isEqualTo("/api/customers/{id}/account");
    }

    @Test
    void offersACollectorsTaskAboutACustomerOfATeamOnlyToThatTeam() {
        CustomerView oldDebt = fixtures.customer();
        as("integration").exchange("/api/customers/" + oldDebt.id() + "/team", HttpMethod.PUT,
                new HttpEntity<>(Map.of("team", "north")), JsonNode.class);
        fixtures.overdueInvoice(oldDebt, "380.00", 75, time.today());
        cases.settle();
        String query = "/engine-rest/task?processVariables=customerId_eq_" + oldDebt.id();

        JsonNode north = as("nora").getForObject(query, JsonNode.class);
        JsonNode south = as("sam").getForObject(query, JsonNode.class);

        assertThat(north).hasSize(1);
        assertThat(north.get(0).get("name").asText()).startsWith("Contact customer");
        assertThat(south).isEmpty();
        String variables = "/engine-rest/task/" + north.get(0).get("id").asText() + "/variables";
        assertThat(as("nora").getForEntity(variables, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("sam").getForEntity(variables, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, Object body) {
        return as(user).exchange(path, method, new HttpEntity<>(body), JsonNode.class);
    }

    private static void assertForbidden(ResponseEntity<JsonNode> response, String what) {
        assertThat(response.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).as(what).hasToString("application/problem+json");
        assertThat(response.getBody().get("type").asText()).as(what).endsWith("/problems/forbidden");
    }
}
