package io.recollect.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI document declares how to authenticate and what errors look like, and a person
 * logged in to the app can use the API from Swagger UI on their session, changes only with the
 * session's CSRF token.
 */
class ApiDocumentationIntegrationTests extends IntegrationTest {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void theDocumentDeclaresBasicAndTheSessionAndDocumentsTheErrors() {
        JsonNode api = as("collector").getForEntity("/v3/api-docs", JsonNode.class).getBody();

        JsonNode schemes = api.at("/components/securitySchemes");
        assertThat(schemes.at("/basic/scheme").asText()).isEqualTo("basic");
        assertThat(schemes.at("/session/in").asText()).isEqualTo("cookie");
        assertThat(api.get("security").findValuesAsText("basic")).isNotNull();
        JsonNode register = api.at("/paths/~1api~1customers/post/responses");
        assertThat(register.fieldNames()).toIterable().contains("201", "400", "401", "403", "409", "422")
                .doesNotContain("200");
        assertThat(register.at("/422/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.at("/paths/~1api~1customers~1{id}/get/responses").fieldNames()).toIterable()
                .contains("200", "401", "403", "404");
        assertThat(api.at("/paths/~1api~1payments/post/responses").fieldNames()).toIterable().contains("200", "201");
        assertThat(api.at("/components/schemas/Problem/properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "errors");
    }

    @Test
    void aLoggedInPersonTriesTheApiOnTheirSessionWithItsCsrfToken() {
        CustomerView customer = escalatedEnterpriseCase("300.00");
        String session = logIn("collector");
        String token = csrfTokenFromSwaggerUi(session);
        String promises = "/api/customers/" + customer.id() + "/promises";
        Map<String, Object> promise = Map.of("promisedDate", time.today().plusDays(5).toString(), "amount", "300.00");

        ResponseEntity<JsonNode> read = http.exchange("/api/customers/" + customer.id(), HttpMethod.GET,
                new HttpEntity<>(headers(session, null)), JsonNode.class);
        ResponseEntity<JsonNode> withoutToken = http.exchange(promises, HttpMethod.POST,
                new HttpEntity<>(promise, headers(session, null)), JsonNode.class);
        ResponseEntity<JsonNode> withToken = http.exchange(promises, HttpMethod.POST,
                new HttpEntity<>(promise, headers(session, token)), JsonNode.class);
        ResponseEntity<JsonNode> noSession = http.exchange("/api/customers/" + customer.id(), HttpMethod.GET,
                new HttpEntity<>(headers(null, null)), JsonNode.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withoutToken.getBody().get("type").asText()).endsWith("/csrf-token-missing");
        assertThat(withToken.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(noSession.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(kinds(customer)).containsOnlyOnce("PROMISE_RECORDED");
    }

    @Test
    void camundasRestApiDoesNotTakeTheSession() {
        String session = logIn("collector");

        ResponseEntity<String> tasks = http.exchange("/engine-rest/task", HttpMethod.GET,
                new HttpEntity<>(headers(session, null)), String.class);

        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** Logs in through the form, as a browser does (no redirect followed), and returns the session cookie. */
    private String logIn(String user) {
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            String base = "http://localhost:" + port;
            var form = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String cookie = sessionCookie(form.headers().allValues("set-cookie"));
            String csrf = form.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
            String fields = "username=" + user + "&password=" + PASSWORD + "&_csrf="
                    + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8);
            var login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(fields)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("location").orElse("")).doesNotContain("error");
            String after = sessionCookie(login.headers().allValues("set-cookie"));
            return after != null ? after : cookie;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String csrfTokenFromSwaggerUi(String session) {
        ResponseEntity<String> page = http.exchange("/swagger-ui/index.html", HttpMethod.GET,
                new HttpEntity<>(headers(session, null)), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("RECOLLECT-XSRF-TOKEN=")).findFirst()
                .map(c -> c.split(";")[0].substring("RECOLLECT-XSRF-TOKEN=".length())).orElseThrow();
    }

    private static String sessionCookie(List<String> cookies) {
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";")[0]).findFirst()
                .orElse(null);
    }

    private static HttpHeaders headers(String session, String csrf) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (session != null) {
            headers.add(HttpHeaders.COOKIE, session);
        }
        if (csrf != null) {
            headers.add("X-RECOLLECT-XSRF-TOKEN", csrf);
        }
        return headers;
    }
}
