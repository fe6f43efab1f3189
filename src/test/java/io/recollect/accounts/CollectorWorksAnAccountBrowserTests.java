package io.recollect.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.rules.CollectionAction;
import io.recollect.support.Browser;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A collector's morning in the browser: the top task in Tasklist says who and how much, its form
 * leads to the account page, a mistake on the promise form is told in plain words, and the promise
 * recorded there holds the case.
 */
class CollectorWorksAnAccountBrowserTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void collectorOpensTheTopTaskGoesToTheAccountAndRecordsAPromise() {
        String name = TestFixtures.unique("Rosalind Franklin");
        String ref = TestFixtures.unique("RF");
        JsonNode registered = as("integration").postForEntity("/api/customers", Map.of("externalRef", ref,
                "name", name, "email", ref.toLowerCase() + "@example.org", "segment", "CONSUMER", "currency", "EUR",
                "phone", "+44 20 7946 0123"), JsonNode.class).getBody();
        UUID id = UUID.fromString(registered.get("id").asText());
        CustomerView view = new CustomerView(id, ref, name, null, "en", io.recollect.customers.Segment.CONSUMER,
                io.recollect.customers.RiskBand.B, "EUR", false, null, null, null);
        fixtures.issuedInvoice(view, "380.00", time.today().minusDays(105), time.today().minusDays(75));
        cases.settle();
        assertThat(cases.openTask(view).getName()).contains(name, ref, "EUR 380.00 overdue");

        try (Browser browser = Browser.open(port)) {
            browser.logIn("collector", PASSWORD);
            String list = browser.openCamundaApp("/camunda/app/tasklist/default/", "Tasklist", "Contact customer");
            browser.screenshot("tasklist-list");
            assertThat(browser.waitForText(name)).contains("EUR 380.00 overdue");
            browser.click(By.partialLinkText(name));
            String form = browser.waitForText("Open the account page");
            browser.screenshot("tasklist-task-says-who-and-how-much");
            assertThat(form).contains(name, ref, "EUR 380.00 overdue", "+44 20 7946 0123");

            browser.go("/customers/" + id);
            String account = browser.waitForText("What is owed");
            assertThat(account).contains(name, "+44 20 7946 0123", "EUR 380.00 overdue", "Contact customer");

            browser.setValue(By.id("promisedDate"), time.today().minusDays(1).toString());
            browser.type(By.id("amount"), "380.00");
            browser.click(By.xpath("//button[text()='Record promise']"));
            String mistake = browser.waitForText("has passed");
            browser.screenshot("account-page-promise-mistake");
            assertThat(mistake).contains("The promised date " + time.today().minusDays(1) + " has passed");

            browser.setValue(By.id("promisedDate"), time.today().plusDays(7).toString());
            browser.type(By.id("amount"), "380.00");
            browser.click(By.xpath("//button[text()='Record promise']"));
            String recorded = browser.waitForText("Promise recorded.");
            browser.screenshot("account-page-promise-recorded");
            assertThat(recorded).contains("OPEN", time.today().plusDays(7).toString());
        }
        cases.settle();

        assertThat(kinds(view)).containsOnlyOnce("PROMISE_RECORDED");
        assertThat(cases.lastDecision(view).action()).isEqualTo(CollectionAction.HOLD);
    }
}
