package io.recollect.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.support.Browser;
import io.recollect.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One window, two people: a manager logs out with the header's button and a second manager logs
 * in in the same browser and opens a rule table (a hang was once seen here; RuleTablePageBrowserTests
 * gives its second manager a browser of their own).
 */
class LogOutAndInAgainBrowserTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void secondManagerLogsInWhereTheFirstLoggedOut() {
        ensureSecondManager();
        try (Browser browser = Browser.open(port)) {
            browser.logIn("manager", PASSWORD);
            browser.go("/rule-tables/collection-path");
            browser.waitForText("collection-path");
            browser.click(By.xpath("//button[text()='Log out']"));
            assertThat(browser.waitForText("You have been logged out.")).contains("Log in to Recollect");

            browser.logIn("manager2", PASSWORD);
            browser.go("/rule-tables/collection-path");
            assertThat(browser.waitForText("collection-path")).contains("manager2");
        }
    }
}
