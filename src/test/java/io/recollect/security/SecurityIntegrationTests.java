package io.recollect.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every door is locked: the app API, Camunda's REST API, and the webapps. */
class SecurityIntegrationTests extends IntegrationTest {

    @Test
    void appApiAnswers401WithoutCredentials() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/customers?externalRef=x", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void appApiAnswers401ForAWrongPassword() {
        // A user of its own: Camunda throttles a user's logins after a wrong password.
        identity.ensureUser("forgetful", PASSWORD, "F", "F", "f@test.example", List.of(Roles.INTEGRATIONS));
        ResponseEntity<String> response = http.withBasicAuth("forgetful", "wrong")
                .getForEntity("/api/customers?externalRef=x", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void camundaRestApiAnswers401WithoutCredentials() {
        ResponseEntity<String> response = http.getForEntity("/engine-rest/process-definition", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void camundaRestApiAppliesTheEnginesAuthorizationsToTheUser() {
        ResponseEntity<JsonNode> admin = as("admin").getForEntity("/engine-rest/process-definition", JsonNode.class);
        ResponseEntity<JsonNode> integration = as("integration")
                .getForEntity("/engine-rest/process-definition", JsonNode.class);

        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody().findValuesAsText("key")).contains("invoice-to-cash", "collection-case");
        assertThat(integration.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(integration.getBody()).isEmpty();
    }

    @Test
    void collectorsMayReadButNotCreateInvoices() {
        ResponseEntity<String> response = as("collector").postForEntity("/api/invoices", Map.of(), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void webappsAndApiDocsSendAnonymousVisitorsToTheLoginPage() {
        for (String page : List.of("/camunda/app/tasklist/", "/camunda/api/engine/engine/", "/v3/api-docs",
                "/swagger-ui.html")) {
            ResponseEntity<String> response = noRedirects().getForEntity(page, String.class);
            assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.FOUND);
            assertThat(response.getHeaders().getLocation()).as(page).asString().endsWith("/login");
        }
        assertThat(as("collector").getForObject("/v3/api-docs", String.class)).contains("\"openapi\"");
    }

    @Test
    void webappsTrustTheAppLoginAndApplyTheEnginesAuthorizations() {
        String definitions = "/camunda/api/engine/engine/default/process-definition";
        ResponseEntity<JsonNode> collector = as("collector").getForEntity(definitions, JsonNode.class);
        ResponseEntity<JsonNode> integration = as("integration").getForEntity(definitions, JsonNode.class);

        assertThat(collector.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(collector.getBody().findValuesAsText("key")).contains("collection-case");
        assertThat(integration.getBody()).isEmpty();

        HttpHeaders session = loginWithForm("collector");
        http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(session), String.class);
        JsonNode user = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(session),
                JsonNode.class).getBody();
        assertThat(user.get("userId").asText()).isEqualTo("collector");
        assertThat(user.get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");
    }

    @Test
    void healthIsOpenForProbes() {
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private org.springframework.boot.test.web.client.TestRestTemplate noRedirects() {
        return http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    /** Logs in through the login form as a browser would; returns the session cookie to send. */
    private HttpHeaders loginWithForm(String user) {
        ResponseEntity<String> form = http.getForEntity("/login", String.class);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
                .matcher(form.getBody());
        assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, form.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
        ResponseEntity<String> login = noRedirects().postForEntity("/login", new HttpEntity<>(
                "username=" + user + "&password=" + PASSWORD + "&_csrf=" + csrf.group(1), headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(login.getHeaders().getLocation()).asString().doesNotContain("error");
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, login.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
        return session;
    }
}
