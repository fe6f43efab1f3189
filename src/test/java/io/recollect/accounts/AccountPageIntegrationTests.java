package io.recollect.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The account page as a person reads and uses it: what it shows, who may act, and what a mistake says. */
class AccountPageIntegrationTests extends IntegrationTest {

    @BeforeEach
    void usersAndAMinute() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("finance", PASSWORD, "Fin", "Ance", "f@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void showsTheAccountTheEmailAsSentAndTheCallNoteWritten() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Page page = open("collector", customer);

        assertThat(page.body()).contains(customer.name(), customer.externalRef(), "EUR 500.00 overdue",
                "Contact customer", "Email sent", "collection-path");
        Matcher email = Pattern.compile("href=\"(/customers/[^\"]+/communications/[^\"]+)\"").matcher(page.body());
        assertThat(email.find()).isTrue();
        ResponseEntity<String> mail = as("collector").getForEntity(email.group(1), String.class);
        assertThat(mail.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mail.getBody()).contains(customer.email(), "as the customer saw it");

        ResponseEntity<String> first = post(page, "/call-notes", "note", "Left a message with the receptionist",
                "noteKey", page.noteKey());
        ResponseEntity<String> again = post(page, "/call-notes", "note", "Left a message with the receptionist",
                "noteKey", page.noteKey());

        assertThat(first.getStatusCode()).isIn(HttpStatus.FOUND, HttpStatus.OK);
        assertThat(again.getStatusCode()).isIn(HttpStatus.FOUND, HttpStatus.OK);
        assertThat(cases.timeline(customer).stream().filter(e -> e.kind().equals("CALL_NOTE")).toList())
                .singleElement().satisfies(note -> {
                    assertThat(note.summary()).contains("Left a message with the receptionist");
                    assertThat(note.actor()).isEqualTo("collector");
                });
    }

    @Test
    void aMistakeComesBackOnThePageNamingTheField() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Page page = open("collector", customer);

        ResponseEntity<String> noDate = post(page, "/promises", "amount", "100.00");
        ResponseEntity<String> tooFine = post(page, "/promises", "promisedDate", time.today().plusDays(3).toString(),
                "amount", "100.001");
        ResponseEntity<String> unknownInvoice = post(page, "/disputes", "invoiceNumber", "NO-SUCH", "reason", "Never got it");

        assertThat(noDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noDate.getBody()).contains("Promised date: is required");
        assertThat(tooFine.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooFine.getBody()).contains("amount: must have at most 2 decimal(s)");
        assertThat(unknownInvoice.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownInvoice.getBody()).contains("Invoice NO-SUCH does not exist");
        assertThat(kinds(customer)).doesNotContain("PROMISE_RECORDED", "DISPUTE_RAISED");
    }

    @Test
    void financeReadsTheAccountPageButCannotAct() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Page page = open("finance", customer);

        ResponseEntity<String> promise = post(page, "/promises", "promisedDate", time.today().plusDays(3).toString(),
                "amount", "100.00");

        assertThat(page.body()).contains(customer.name()).doesNotContain("Record promise");
        assertThat(promise.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(kinds(customer)).doesNotContain("PROMISE_RECORDED");
    }

    @Test
    void integrationsHaveNoAccountPage() {
        CustomerView customer = fixtures.customer();

        assertThat(as("integration").getForEntity("/customers/" + customer.id(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("collector").getForEntity("/customers/" + java.util.UUID.randomUUID(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private record Page(String user, CustomerView customer, String body, String cookie, String csrf) {

        String noteKey() {
            Matcher key = Pattern.compile("name=\"noteKey\" value=\"([^\"]+)\"").matcher(body);
            return key.find() ? key.group(1) : null;
        }
    }

    private Page open(String user, CustomerView customer) {
        ResponseEntity<String> page = as(user).getForEntity("/customers/" + customer.id(), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String cookie = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";")[0]).findFirst().orElse("");
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(csrf.find()).isTrue();
        return new Page(user, customer, page.getBody(), cookie, csrf.group(1));
    }

    private ResponseEntity<String> post(Page page, String action, String... fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.cookie());
        headers.add("X-CSRF-TOKEN", page.csrf());
        return as(page.user()).exchange("/customers/" + page.customer().id() + action, HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }
}
