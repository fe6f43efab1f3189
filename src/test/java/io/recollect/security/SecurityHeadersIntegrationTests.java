package io.recollect.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.accounts.TimelineEntry;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.support.Browser;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.recollect.security.Roles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The smaller holes: cookies, page headers, Camunda's CSRF check, metrics, actors and engine errors. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityHeadersIntegrationTests extends IntegrationTest {

    private static final String SESSION_INFO = "/camunda/api/admin/auth/user/default";

    @LocalServerPort
    int port;

    @Test
    void sessionCookieIsSameSiteLaxAndSecureWhenServedOverTls() {
        String plain = login("collector", new HttpHeaders()).getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        HttpHeaders tls = new HttpHeaders();
        tls.add("X-Forwarded-Proto", "https");
        String overTls = login("collector", tls).getHeaders().getFirst(HttpHeaders.SET_COOKIE);

        assertThat(plain).startsWith("JSESSIONID=").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(overTls).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("Secure");
    }

    @Test
    void appPagesSendAContentSecurityPolicyAndReferrerPolicyAndCamundaKeepsItsOwn() {
        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        ResponseEntity<String> swagger = as("collector").getForEntity("/swagger-ui/index.html", String.class);
        ResponseEntity<String> tasklist = http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                new HttpEntity<>(session("collector")), String.class);

        for (ResponseEntity<String> page : List.of(login, swagger)) {
            assertThat(page.getHeaders().get("Content-Security-Policy")).singleElement().asString()
                    .contains("default-src 'self'").contains("frame-ancestors 'none'");
            assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
        }
        assertThat(tasklist.getHeaders().get("Content-Security-Policy")).singleElement().asString().contains("nonce-");
        assertThat(tasklist.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void swaggerUiWorksUnderTheContentSecurityPolicy() {
        try (Browser browser = Browser.open(port)) {
            browser.logIn("collector", PASSWORD);
            browser.go("/swagger-ui.html");
            assertThat(browser.waitForText("/api/payments")).contains("/api/customers");
        }
    }

    @Test
    void aMissingOrWrongCamundaCsrfHeaderIsRefusedWithoutLoggingTheUserOut() {
        HttpHeaders session = session("collector");
        ResponseEntity<String> app = http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                new HttpEntity<>(session), String.class);
        String token = app.getHeaders().getFirst("X-XSRF-TOKEN");
        String countTasks = "/camunda/api/engine/engine/default/task/count";

        ResponseEntity<String> missing = post(countTasks, session, null);
        ResponseEntity<String> wrong = post(countTasks, session, "not-the-token");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(missing.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> user = noRedirects().exchange(SESSION_INFO, HttpMethod.GET, new HttpEntity<>(session),
                JsonNode.class);
        assertThat(user.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(user.getBody().get("userId").asText()).isEqualTo("collector");
        assertThat(noRedirects().exchange("/v3/api-docs", HttpMethod.GET, new HttpEntity<>(session), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(countTasks, session, token).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void metricsAreForOperatorsAndAdminsOnlyAndHealthStaysOpen() {
        assertThat(as("collector").getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("integration").getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        identity.ensureUser("operator", PASSWORD, "Otto", "Operator", "o@test.example", List.of(Roles.OPERATORS));
        assertThat(as("operator").getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("admin").getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void paymentsShowTheUserWhoRecordedThemInTheTimeline() {
        identity.ensureUser("finance", PASSWORD, "Fin", "Ance", "f@test.example", List.of(Roles.FINANCE));
        CustomerView customer = fixtures.customer();
        fixtures.issuedInvoice(customer, "100.00", time.today().minusDays(10), time.today().plusDays(20));

        for (String user : List.of("integration", "finance")) {
            ResponseEntity<String> paid = as(user).postForEntity("/api/payments", Map.of("externalId",
                    TestFixtures.unique("PAY"), "customerId", customer.id(), "amount", "10.00", "currency", "EUR",
                    "receivedOn", time.today().toString(), "method", "BANK_TRANSFER"), String.class);
            assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }

        TimelineEntry[] timeline = as("collector").getForObject("/api/customers/" + customer.id() + "/timeline",
                TimelineEntry[].class);
        assertThat(List.of(timeline)).filteredOn(e -> e.kind().equals("PAYMENT")).extracting(TimelineEntry::actor)
                .containsExactlyInAnyOrder("integration", "finance");
    }

    @Test
    void engineErrorsShowNonAdminsAReferenceInsteadOfTheEnginesInternals(CapturedOutput log) {
        // A process of the test's own whose task fails inside the engine when completed: an
        // expression naming no bean, as a broken deployment would.
        String key = "broken-task-" + TestFixtures.unique("p").toLowerCase();
        repository.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Broken").camundaCandidateGroups(Roles.MANAGERS)
                .camundaTaskListenerExpression("complete", "${noSuchBean.go()}").endEvent().done()).deploy();
        String processId = runtime.startProcessInstanceByKey(key).getId();
        String taskId = taskService.createTaskQuery().processInstanceId(processId).singleResult().getId();
        String complete = "/engine-rest/task/" + taskId + "/complete";

        ResponseEntity<JsonNode> manager = as("manager").postForEntity(complete, json("{}"), JsonNode.class);
        ResponseEntity<JsonNode> admin = as("admin").postForEntity(complete, json("{}"), JsonNode.class);
        ResponseEntity<JsonNode> missing = as("manager").getForEntity("/engine-rest/task/no-such-task", JsonNode.class);

        assertThat(manager.getStatusCode().is5xxServerError()).as("status %s: %s", manager.getStatusCode(), manager.getBody()).isTrue();
        assertThat(manager.getBody().has("reference")).as("body %s", manager.getBody()).isTrue();
        String reference = manager.getBody().get("reference").asText();
        assertThat(manager.getBody().get("message").asText()).contains(reference).doesNotContain("noSuchBean")
                .doesNotContain("ENGINE-").doesNotContain("${");
        assertThat(log.getOut()).contains(reference).contains("noSuchBean");
        assertThat(admin.getBody().get("message").asText()).contains("noSuchBean");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("message").asText()).contains("no-such-task");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.RepositoryService repository;
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService taskService;

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<String> post(String path, HttpHeaders session, String csrfToken) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(session);
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (csrfToken != null) {
            headers.add("X-XSRF-TOKEN", csrfToken);
        }
        return noRedirects().exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
    }

    private TestRestTemplate noRedirects() {
        return http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    private HttpHeaders session(String user) {
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, login(user, new HttpHeaders()).getHeaders().getFirst(HttpHeaders.SET_COOKIE)
                .split(";")[0]);
        return session;
    }

    /** Logs in through the login form as a browser would, with the extra headers given. */
    private ResponseEntity<String> login(String user, HttpHeaders extra) {
        HttpHeaders get = new HttpHeaders();
        get.putAll(extra);
        ResponseEntity<String> form = http.exchange("/login", HttpMethod.GET, new HttpEntity<>(get), String.class);
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.getBody());
        assertThat(csrf.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(extra);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, form.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
        ResponseEntity<String> login = noRedirects().postForEntity("/login", new HttpEntity<>(
                "username=" + user + "&password=" + PASSWORD + "&_csrf=" + csrf.group(1), headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(login.getHeaders().getLocation()).asString().doesNotContain("error");
        return login;
    }
}
