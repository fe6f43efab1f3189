package io.recollect.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class HomePageIntegrationTests extends IntegrationTest {

    @Test
    void collectorsStartPageLeadsToTheirTasksNotToThePolicy() {
        ResponseEntity<String> page = http.withBasicAuth("collector", PASSWORD).getForEntity("/", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("My tasks", "/camunda/app/tasklist/", "/customers")
                .doesNotContain("/rule-tables");
    }

    @Test
    void managersStartPageLeadsToTheRuleTablesAndTheDashboard() {
        ResponseEntity<String> page = http.withBasicAuth("manager", PASSWORD).getForEntity("/", String.class);

        assertThat(page.getBody()).contains("/rule-tables", "/dashboard").doesNotContain("My tasks");
    }

    @Test
    void theStartPageNeedsALogin() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);

        // the redirect to the login form is followed
        assertThat(page.getBody()).contains("name=\"username\"").doesNotContain("Welcome");
    }

    @Test
    void beforeLoginOnlyTheLayoutsOwnAssetsOpen() {
        assertThat(http.getForEntity("/webjars/htmx.org/dist/htmx.min.js", String.class).getBody()).contains("htmx");
        // the other webjars (Camunda's apps, Swagger UI) tell versions: they wait for a login like any page
        for (String other : List.of("/webjars/camunda/app/tasklist/scripts/config.js", "/webjars/swagger-ui/index.html")) {
            assertThat(http.getForEntity(other, String.class).getBody()).as(other).contains("name=\"username\"");
        }
    }
}
