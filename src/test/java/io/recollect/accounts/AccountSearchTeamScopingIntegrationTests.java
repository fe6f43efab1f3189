package io.recollect.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/** With team scoping on, a collector's searches and lists show only their teams' customers and those of no team. */
@TestPropertySource(properties = "recollect.security.team-scoping.enabled=true")
class AccountSearchTeamScopingIntegrationTests extends IntegrationTest {

    @Test
    void aCollectorFindsOnlyTheirTeamsCustomers() {
        identity.ensureTeam("north");
        identity.ensureTeam("south");
        identity.ensureUser("nora", PASSWORD, "Nora", "North", "n@test.example", List.of(Roles.COLLECTORS, Roles.team("north")));
        identity.ensureUser("sam", PASSWORD, "Sam", "South", "s@test.example", List.of(Roles.COLLECTORS, Roles.team("south")));
        CustomerView northern = fixtures.customer();
        CustomerView unassigned = fixtures.customer();
        as("integration").exchange("/api/customers/" + northern.id() + "/team", HttpMethod.PUT,
                new HttpEntity<>(Map.of("team", "north")), JsonNode.class);
        fixtures.overdueInvoice(northern, "10.00", 3, time.today());

        // searched by reference: the suite's other tests leave many customers in the shared database
        List<String> nora = found("nora", northern, unassigned);
        List<String> sam = found("sam", northern, unassigned);
        List<String> samsInvoices = as("sam").getForEntity("/api/invoices?customerId=" + northern.id(), JsonNode.class)
                .getBody().get("items").findValuesAsText("id");
        List<String> manager = as("manager").getForEntity("/api/customers?q=" + northern.externalRef(), JsonNode.class)
                .getBody().get("items").findValuesAsText("id");

        assertThat(nora).contains(northern.id().toString(), unassigned.id().toString());
        assertThat(sam).contains(unassigned.id().toString()).doesNotContain(northern.id().toString());
        assertThat(samsInvoices).isEmpty();
        assertThat(manager).containsExactly(northern.id().toString());
    }

    private List<String> found(String user, CustomerView... customers) {
        List<String> ids = new java.util.ArrayList<>();
        for (CustomerView customer : customers) {
            ids.addAll(as(user).getForEntity("/api/customers?q=" + customer.externalRef(), JsonNode.class).getBody()
                    .get("items").findValuesAsText("id"));
        }
        return ids;
    }
}
