package io.recollect.rules;

import static io.recollect.support.RuleTables.cell;
import static io.recollect.support.RuleTables.edited;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.support.Browser;
import io.recollect.support.IntegrationTest;
import io.recollect.support.RuleTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager's journey on /rule-tables in a real browser: download the active table, upload an
 * edited one, see its simulation with the matrix chart, and a second manager activates it.
 */
class RuleTablePageBrowserTests extends IntegrationTest {

    @LocalServerPort
    int port;

    /** Unique to this run: on PostgreSQL the suite's other tests upload into the same database. */
    private final String comment = "Call consumers from 30 days (" + UUID.randomUUID() + ")";

    @BeforeEach
    void secondManager() {
        ensureSecondManager();
        RuleTables.restoreShipped(as("manager2"));
    }

    @AfterEach
    void shippedTableAgain() {
        RuleTables.restoreShipped(as("manager2"));
    }

    @Test
    void aManagerUploadsAndSimulatesAChangeAndASecondManagerActivatesIt() throws Exception {
        CustomerView fortyDays = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(fortyDays, "120.00", 40, time.today());
        Path upload = Files.createTempFile("collection-path-edited", ".xlsx");
        Files.write(upload, edited(rules -> cell(rules, "R13", "Days past due: at least").setCellValue(30)));

        try (Browser browser = Browser.open(port)) {
            browser.logIn("manager", PASSWORD);
            browser.go("/rule-tables");
            browser.click(By.linkText("collection-path"));
            String page = browser.waitForText("Versions");
            assertThat(page).contains("ACTIVE", "Audit trail");
            // The download link hands over the active version byte for byte.
            assertThat(as("manager").getForObject("/rule-tables/collection-path/versions/"
                    + RuleTables.activeId(as("manager")) + "/content", byte[].class)).isEqualTo(RuleTables.shipped());
            assertThat(browser.has(By.cssSelector("a.download"))).isTrue();

            browser.type(By.id("file"), upload.toString());
            browser.type(By.id("comment"), comment);
            browser.click(By.id("upload"));
            browser.waitForText("passed every check");
            UUID candidate = candidate();
            browser.click(By.cssSelector("tr[data-version='" + candidate + "'] button.simulate"));
            String simulation = browser.waitForText("accounts would be decided differently");
            browser.waitFor(By.cssSelector("#matrix-chart[data-rendered='true']"));
            assertThat(simulation).contains("REMIND", "ESCALATE", "R13 (row 30)", fortyDays.name());
            browser.screenshot("rule-table-simulation");

            // The uploader may not activate it ...
            browser.go("/rule-tables/collection-path");
            browser.click(By.cssSelector("tr[data-version='" + candidate + "'] input[name=confirm]"));
            browser.click(By.cssSelector("tr[data-version='" + candidate + "'] button.activate-button"));
            assertThat(browser.waitForText("another collection manager")).contains("four-eyes");

            // ... nor start it as a challenger ...
            browser.type(By.cssSelector("tr[data-version='" + candidate + "'] input[name=share]"), "20");
            browser.click(By.cssSelector("tr[data-version='" + candidate + "'] button.challenge-button"));
            assertThat(browser.waitForText("must start it as a challenger")).contains("four-eyes");
        }
        // ... a second manager, at a browser of their own, does both: first on a fifth of the accounts, then on all.
        UUID candidate = candidate();
        try (Browser second = Browser.open(port)) {
            second.logIn("manager2", PASSWORD);
            second.go("/rule-tables/collection-path");
            second.type(By.cssSelector("tr[data-version='" + candidate + "'] input[name=share]"), "20");
            second.click(By.cssSelector("tr[data-version='" + candidate + "'] button.challenge-button"));
            assertThat(second.waitForText("now decides 20 %")).contains("CHALLENGER_STARTED");
            assertThat(second.waitForText("decides 20 % of all accounts")).contains("The arms compared");
            assertThat(second.has(By.cssSelector("#arms tr[data-arm='CHALLENGER']"))).isTrue();
            second.click(By.cssSelector("tr[data-version='" + candidate + "'] input[name=confirm]"));
            second.type(By.cssSelector("tr[data-version='" + candidate + "'] form.activate input[name=comment]"), "agreed");
            second.click(By.cssSelector("tr[data-version='" + candidate + "'] button.activate-button"));
            assertThat(second.waitForText("is now active on every node")).contains("ACTIVATED", "CHALLENGER_PROMOTED");
            assertThat(second.has(By.id("running-challenger"))).isFalse();
        }
        assertThat(RuleTables.activeId(as("manager"))).isEqualTo(candidate());
    }

    private UUID candidate() {
        for (JsonNode version : as("manager").getForObject(RuleTables.PATH + "/versions", JsonNode.class)) {
            if (version.path("comment").asText().equals(comment)) {
                return UUID.fromString(version.path("id").asText());
            }
        }
        throw new IllegalStateException("the upload is not listed");
    }
}
