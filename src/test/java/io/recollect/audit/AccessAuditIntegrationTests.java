package io.recollect.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every read of a customer's data by a person is in the access log, which only auditors read. */
class AccessAuditIntegrationTests extends IntegrationTest {

    @BeforeEach
    void auditors() {
        identity.ensureUser("auditor", PASSWORD, "Audrey", "Auditor", "au@test.example", List.of(Roles.AUDITORS));
        identity.ensureUser("auditor2", PASSWORD, "Otto", "Auditor", "au2@test.example", List.of(Roles.AUDITORS));
        identity.ensureTeam("north");
    }

    @Test
    void recordsWhoReadWhichCustomerWhenThroughWhichEndpoint() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "100.00", time.today(), time.today().plusDays(30));

        assertThat(get("collector", "/api/customers/" + customer.id() + "/account").getStatusCode()).isEqualTo(HttpStatus.OK);
        time.advance(Duration.ofMinutes(5));
        assertThat(get("collector", "/api/customers/" + customer.id() + "/timeline").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("manager", "/api/invoices/" + invoice.id()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("collector", "/api/invoices?number=" + invoice.number()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("collector", "/api/customers?externalRef=" + customer.externalRef()).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode log = log("auditor", "customerId=" + customer.id());

        assertThat(log.get("total").asLong()).isEqualTo(5);
        assertThat(entries(log)).extracting(e -> e.get("user").asText(), e -> e.get("method").asText(),
                e -> e.get("endpoint").asText(), e -> e.get("at").asText(), e -> e.get("outcome").asText())
                .containsExactly(
                        tuple("collector", "GET", "/api/customers", "2026-03-02T09:05:00Z", "GRANTED"),
                        tuple("collector", "GET", "/api/invoices", "2026-03-02T09:05:00Z", "GRANTED"),
                        tuple("manager", "GET", "/api/invoices/{id}", "2026-03-02T09:05:00Z", "GRANTED"),
                        tuple("collector", "GET", "/api/customers/{id}/timeline", "2026-03-02T09:05:00Z", "GRANTED"),
                        tuple("collector", "GET", "/api/customers/{id}/account", "2026-03-02T09:00:00Z", "GRANTED"));
        assertThat(entries(log)).allSatisfy(e -> assertThat(e.get("customerId").asText()).isEqualTo(customer.id().toString()));
    }

    @Test
    void narrowsTheLogToAPeriodAndAUser() {
        CustomerView customer = fixtures.customer();
        get("collector", "/api/customers/" + customer.id() + "/account");
        time.advance(Duration.ofHours(1));
        get("manager", "/api/customers/" + customer.id() + "/account");
        get("collector", "/api/customers/" + customer.id());

        JsonNode lastHour = log("auditor", "customerId=" + customer.id() + "&from=2026-03-02T09:30:00Z&to=2026-03-02T11:00:00Z");
        JsonNode collector = log("auditor", "customerId=" + customer.id() + "&user=collector&size=1");

        assertThat(entries(lastHour)).extracting(e -> e.get("user").asText()).containsExactly("collector", "manager");
        assertThat(collector.get("total").asLong()).isEqualTo(2);
        assertThat(entries(collector)).extracting(e -> e.get("endpoint").asText()).containsExactly("/api/customers/{id}");
    }

    @Test
    void onlyAuditorsReadTheLog() {
        CustomerView customer = fixtures.customer();

        for (String reader : List.of("collector", "manager", "integration", "admin")) {
            ResponseEntity<JsonNode> response = get(reader, "/api/access-log?customerId=" + customer.id());
            assertThat(response.getStatusCode()).as(reader).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/access-log", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anAuditorsQueriesAreRecordedForOtherAuditorsAndNoOneSeesTheirOwnLines() {
        CustomerView customer = fixtures.customer();
        identity.ensureUser("cora", PASSWORD, "Cora", "Both", "cb@test.example",
                List.of(Roles.COLLECTORS, Roles.AUDITORS));
        get("cora", "/api/customers/" + customer.id() + "/account");
        log("auditor", "customerId=" + customer.id());

        JsonNode own = log("cora", "customerId=" + customer.id());
        JsonNode other = log("auditor2", "customerId=" + customer.id());

        assertThat(entries(own)).extracting(e -> e.get("user").asText()).containsExactly("auditor");
        assertThat(entries(other)).extracting(e -> e.get("user").asText(), e -> e.get("endpoint").asText())
                .containsExactly(tuple("cora", "/api/access-log"), tuple("auditor", "/api/access-log"),
                        tuple("cora", "/api/customers/{id}/account"));
    }

    @Test
    void machineAccountsOfIntegratingSystemsAreNotRecorded() {
        CustomerView customer = fixtures.customer();

        assertThat(get("integration", "/api/customers/" + customer.id()).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(log("auditor", "customerId=" + customer.id()).get("total").asLong()).isZero();
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStarts() {
        ResponseEntity<JsonNode> response = get("auditor", "/api/access-log?from=2026-03-02T10:00:00Z&to=2026-03-02T09:00:00Z");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("type").asText()).endsWith("/problems/invalid-period");
    }

    @Test
    void teamScopingIsOffByDefault() {
        CustomerView customer = fixtures.customer();
        assignTeam(customer, "north");

        assertThat(get("collector", "/api/customers/" + customer.id() + "/account").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("collector", "/api/customers/" + customer.id()).getBody().get("team").asText()).isEqualTo("north");
    }

    @Test
    void onlyIntegrationsManagersAndAdminsAssignTeams() {
        CustomerView customer = fixtures.customer();

        ResponseEntity<JsonNode> collector = as("collector").exchange("/api/customers/" + customer.id() + "/team",
                HttpMethod.PUT, new HttpEntity<>(Map.of("team", "north")), JsonNode.class);
        ResponseEntity<JsonNode> invalid = as("manager").exchange("/api/customers/" + customer.id() + "/team",
                HttpMethod.PUT, new HttpEntity<>(Map.of("team", "North Side")), JsonNode.class);

        assertThat(collector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().at("/errors/0/field").asText()).isEqualTo("team");
        assertThat(get("manager", "/api/customers/" + customer.id()).getBody().get("team").isNull()).isTrue();
    }

    private void assignTeam(CustomerView customer, String team) {
        ResponseEntity<JsonNode> assigned = as("integration").exchange("/api/customers/" + customer.id() + "/team",
                HttpMethod.PUT, new HttpEntity<>(Map.of("team", team)), JsonNode.class);
        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return as(user).getForEntity(path, JsonNode.class);
    }

    private JsonNode log(String auditor, String query) {
        ResponseEntity<JsonNode> response = get(auditor, "/api/access-log?" + query);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<JsonNode> entries(JsonNode page) {
        return StreamSupport.stream(page.get("entries").spliterator(), false).toList();
    }
}
