package io.recollect.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.plans.PlanService;
import io.recollect.plans.PlanStatus;
import io.recollect.plans.PlanView;
import io.recollect.support.Browser;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A collector on the phone proposes a plan from the account page: the schedule shows to the cent
 * as the terms are typed, a mistake is told naming the field, and the plan starts with those terms.
 */
class CollectorProposesAPlanBrowserTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    PlanService plans;

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void collectorPreviewsTheScheduleAndProposesAPlanFromTheAccountPage() {
        CustomerView customer = fixtures.customer(Segment.SMALL_BUSINESS, RiskBand.B);
        fixtures.overdueInvoice(customer, "1000.00", 5, time.today());
        cases.settle();
        String firstDue = time.today().plusDays(10).toString();

        try (Browser browser = Browser.open(port)) {
            browser.logIn("collector", PASSWORD);
            browser.go("/customers/" + customer.id());
            browser.waitForText("Propose a plan");
            browser.setValue(By.id("planFirstDueDate"), firstDue);
            browser.type(By.id("planInstalments"), "3");
            String previewed = browser.waitForText("Schedule for EUR 1,000.00");
            browser.screenshot("account-page-plan-preview");
            assertThat(previewed).contains(firstDue + " EUR 333.33", time.today().plusDays(10).plusMonths(2)
                    + " EUR 333.34", "APPROVE", "Within policy");

            browser.type(By.id("planInstalments"), "three");
            browser.click(By.xpath("//button[text()='Propose plan']"));
            String mistake = browser.waitForText("Number of instalments: must be a whole number");
            browser.screenshot("account-page-plan-mistake");
            assertThat(mistake).contains("What is owed");
            assertThat(plans.openPlan(customer.id())).isEmpty();

            browser.setValue(By.id("planFirstDueDate"), firstDue);
            browser.type(By.id("planInstalments"), "3");
            browser.click(By.xpath("//button[text()='Propose plan']"));
            browser.waitForText("Payment plan proposed");
            browser.screenshot("account-page-plan-proposed");
        }
        cases.settle();

        PlanView plan = plans.openPlan(customer.id()).orElseThrow();
        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.source()).isEqualTo("PAGE");
        assertThat(plan.negotiatedBy()).isEqualTo("collector");
        assertThat(plan.instalments()).extracting(i -> i.amount().amount().toPlainString())
                .containsExactly("333.33", "333.33", "333.34");
    }
}
