package io.recollect.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guessing passwords, as an attacker would: through the API, Camunda's REST API and the login
 * form. Each test comes from its own client address (X-Forwarded-For from the loopback proxy).
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIntegrationTests extends IntegrationTest {

    private static final String WRONG = "guess-123";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(new Random().nextInt(250));

    @Autowired
    JdbcTemplate jdbc;

    private String customerRef;

    @BeforeEach
    void aCustomerToLookUp() {
        customerRef = fixtures.customer().externalRef();
    }

    @AfterEach
    void forgetFailedLogins() {
        jdbc.update("delete from login_throttle");
    }

    @Test
    void failuresJustAfterEachWaitNeverLockTheOwnerOutForGood() {
        String victim = user();
        String attacker = address();
        for (int attempt = 1; attempt <= 12; attempt++) {
            assertThat(api(victim, WRONG, attacker).getStatusCode()).as("attempt " + attempt)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            time.advance(Duration.ofMinutes(16));
        }

        assertThat(api(victim, PASSWORD, address()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aUserWaitsLongerAfterEachFailureThenTheOwnerLogsIn(CapturedOutput log) {
        String victim = user();
        String attacker = address();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(api(victim, WRONG, attacker).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        ResponseEntity<JsonNode> throttled = api(victim, PASSWORD, address());
        assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(throttled.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(throttled.getBody().get("status").asInt()).isEqualTo(429);
        ResponseEntity<JsonNode> engine = http.withBasicAuth(victim, PASSWORD)
                .exchange("/engine-rest/process-definition", HttpMethod.GET, from(attacker), JsonNode.class);
        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(engine.getBody().get("detail").asText()).contains("Try again in");

        time.advance(Duration.ofSeconds(31));
        assertThat(api(victim, WRONG, attacker).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api(victim, PASSWORD, address()).getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");

        time.advance(Duration.ofSeconds(61));
        assertThat(api(victim, PASSWORD, address()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(log.getOut()).contains("Login throttled: user " + victim).contains(attacker).doesNotContain(WRONG)
                .doesNotContain(PASSWORD);
    }

    @Test
    void oneAddressTryingManyUsersWaitsWhateverUserItTriesNext() {
        String attacker = address();
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(api(TestFixtures.unique("nobody"), WRONG, attacker).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(api("collector", PASSWORD, attacker).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(api("collector", PASSWORD, address()).getStatusCode()).isEqualTo(HttpStatus.OK);
        time.advance(Duration.ofSeconds(31));
        assertThat(api("collector", PASSWORD, attacker).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theLoginFormSaysWhenToTryAgain() {
        String victim = user();
        String attacker = address();
        for (int attempt = 1; attempt <= 5; attempt++) {
            ResponseEntity<String> wrong = formLogin(victim, WRONG, attacker);
            assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.FOUND);
            assertThat(wrong.getHeaders().getLocation()).asString().endsWith("/login?error");
        }

        ResponseEntity<String> refused = formLogin(victim, PASSWORD, attacker);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(refused.getBody()).contains("Too many failed logins. Try again in 30 seconds.");

        time.advance(Duration.ofSeconds(31));
        ResponseEntity<String> owner = formLogin(victim, PASSWORD, attacker);
        assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(owner.getHeaders().getLocation()).asString().doesNotContain("error");
    }

    private String user() {
        String id = TestFixtures.unique("victim").replace("-", "");
        identity.ensureUser(id, PASSWORD, "V", "V", id + "@test.example", List.of(Roles.INTEGRATIONS));
        return id;
    }

    /** A fresh documentation address (RFC 5737) per call, so tests do not share an address's count. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return (n % 2 == 0 ? "203.0.113." : "198.51.100.") + (1 + n % 250);
    }

    private ResponseEntity<JsonNode> api(String user, String password, String address) {
        return http.withBasicAuth(user, password).exchange("/api/customers?externalRef=" + customerRef, HttpMethod.GET,
                from(address), JsonNode.class);
    }

    private static HttpEntity<Void> from(String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", address);
        return new HttpEntity<>(headers);
    }

    private ResponseEntity<String> formLogin(String user, String password, String address) {
        var noRedirects = http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
        ResponseEntity<String> form = http.exchange("/login", HttpMethod.GET, from(address), String.class);
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.getBody());
        assertThat(csrf.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", address);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        String cookie = form.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        headers.add(HttpHeaders.COOKIE, cookie);
        ResponseEntity<String> login = noRedirects.postForEntity("/login", new HttpEntity<>(
                "username=" + user + "&password=" + password + "&_csrf=" + csrf.group(1), headers), String.class);
        return login;
    }
}
