package io.recollect.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.security.Roles;
import io.recollect.support.Browser;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The "one layout, accessible, keyboard-usable", in a real browser: every page of the app,
 * as each role sees it, passes the page checks (Browser#accessibilityProblems), and a collector
 * records a promise on an account page with the keyboard alone, seeing where the focus is.
 */
class AccessibleLayoutBrowserTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void everyPageAsEachRoleSeesItPassesThePageChecks() {
        CustomerView customer = overdueAccount();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        try (Browser browser = Browser.open(port)) {
            check(browser, problems, "anyone", "/login", "Log in to Recollect");
        }
        Map<String, List<String>> pagesByUser = new LinkedHashMap<>();
        pagesByUser.put("collector", List.of("/", "/customers", "/customers?q=" + customer.externalRef(),
                "/customers/" + customer.id(), "/customers/" + UUID.randomUUID(), "/dashboard"));
        pagesByUser.put("manager", List.of("/", "/customers/" + customer.id(), "/dashboard", "/rule-tables",
                "/rule-tables/collection-path"));
        pagesByUser.put("fiona", List.of("/", "/customers/" + customer.id(), "/dashboard", "/finance"));
        pagesByUser.put("admin", List.of("/", "/finance", "/dashboard", "/rule-tables"));
        pagesByUser.forEach((user, pages) -> {
            // a browser of each user's own: logging out and in again in one window is another test's subject
            try (Browser browser = Browser.open(port)) {
                browser.logIn(user, PASSWORD);
                for (String page : pages) {
                    check(browser, problems, user, page, "Recollect");
                }
                if (user.equals("collector")) {
                    browser.go("/customers/" + customer.id());
                    browser.waitForText("What is owed");
                    browser.click(By.cssSelector("#timeline a[href*='/communications/']"));
                    browser.waitForText("Back to");
                    problems.put(user + " the email page", browser.accessibilityProblems());
                }
            }
        });
        problems.values().removeIf(List::isEmpty);
        assertThat(problems).as("pages with accessibility problems").isEmpty();
    }

    @Test
    void collectorRecordsAPromiseWithTheKeyboardAlone() {
        CustomerView customer = overdueAccount();
        LocalDate promised = time.today().plusDays(7);
        try (Browser browser = Browser.open(port)) {
            browser.logIn("collector", PASSWORD);
            browser.go("/");
            browser.waitForText("Welcome");

            // the first Tab reaches the skip link, which shows itself
            browser.press(Keys.TAB);
            assertThat(browser.focusIs(By.cssSelector("a.skip"))).as("first focus on %s", browser.focused()).isTrue();
            assertThat(browser.focusVisible()).isTrue();
            browser.tabTo(By.linkText("Customers"), 10);
            browser.press(Keys.ENTER);
            browser.waitForText("Name, reference, email or invoice number");
            // the search field takes the focus on arrival; Shift+Tab and Tab go round it
            browser.pressShiftTab();
            assertThat(browser.focusIs(By.id("q"))).as("focus on %s", browser.focused()).isFalse();
            browser.press(Keys.TAB);
            assertThat(browser.focusIs(By.id("q"))).as("focus on %s", browser.focused()).isTrue();
            browser.press(customer.externalRef(), Keys.ENTER);
            browser.waitForText("1 customer(s)");
            browser.tabTo(By.linkText(customer.name()), 30);
            browser.press(Keys.ENTER);
            browser.waitForText("What is owed");

            browser.tabTo(By.id("promisedDate"), 40);
            // a date field takes its parts as typed, in the browser's order (en-US: month, day, year)
            browser.press(String.format("%02d%02d%d", promised.getMonthValue(), promised.getDayOfMonth(),
                    promised.getYear()));
            // Tab walks the date's own parts (month, day, year) before it leaves the field
            browser.tabTo(By.id("amount"), 4);
            assertThat(browser.value(By.id("promisedDate"))).isEqualTo(promised.toString());
            browser.press("380.00");
            browser.tabTo(By.xpath("//button[text()='Record promise']"), 2);
            browser.screenshot("keyboard-focus-on-record-promise");
            browser.press(Keys.SPACE);

            String page = browser.waitForText("Promise recorded.");
            browser.screenshot("keyboard-promise-recorded");
            assertThat(page).contains(promised.toString());
            assertThat(browser.text(By.id("timeline"))).contains("PROMISE_RECORDED");
        }
        assertThat(kinds(customer)).containsOnlyOnce("PROMISE_RECORDED");
    }

    /** A consumer three weeks overdue: a case, a decision and an email in the timeline. */
    private CustomerView overdueAccount() {
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(customer, "380.00", 21, time.today());
        cases.settle();
        return customer;
    }

    private static void check(Browser browser, Map<String, List<String>> problems, String user, String page,
            String text) {
        browser.go(page);
        browser.waitForText(text);
        problems.put(user + " " + page, new ArrayList<>(browser.accessibilityProblems()));
    }
}
