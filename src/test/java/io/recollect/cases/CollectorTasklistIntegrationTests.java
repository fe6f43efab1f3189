package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.support.Browser;
import io.recollect.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a collector and a manager see in the Camunda webapps after logging in to Recollect. */
class CollectorTasklistIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void collectorSeesTheContactTaskInTasklistAndOpensItsForm() {
        CustomerView customer = fixtures.customer();
        fixtures.issuedInvoice(customer, "380.00", time.today().minusDays(105), time.today().minusDays(75));
        cases.settle();

        try (Browser browser = Browser.open(port)) {
            browser.logIn("collector", PASSWORD);
            browser.openCamundaApp("/camunda/app/tasklist/default/", "Tasklist", "Contact customer");
            browser.click(By.partialLinkText("Contact customer"));
            String page = browser.waitForText("What the customer said");
            browser.screenshot("tasklist-contact-customer");

            assertThat(page).contains("Outcome").contains("Collection case");
        }
    }

    @Test
    void managerSeesRunningCasesAndTheirDiagramInCockpit() {
        CustomerView customer = fixtures.customer();
        fixtures.issuedInvoice(customer, "89.90", time.today().minusDays(30), time.today().minusDays(5));
        cases.settle();

        try (Browser browser = Browser.open(port)) {
            browser.logIn("manager", PASSWORD);
            browser.openCamundaApp("/camunda/app/cockpit/default/", "Cockpit", "Running Process Instances");
            browser.click(By.linkText("Processes"));
            String page = browser.waitForText("Collection case");
            browser.screenshot("cockpit-processes");
            assertThat(page).contains("Invoice to cash");

            browser.click(By.linkText("Collection case"));
            // bpmn-js draws each BPMN element from the file's diagram interchange
            browser.click(By.cssSelector("[data-element-id='Task_ContactCustomer']"));
            browser.screenshot("cockpit-collection-case");

            browser.click(By.linkText("Processes"));
            browser.waitForText("Collection run");
            browser.click(By.linkText("Collection run"));
            browser.click(By.cssSelector("[data-element-id='Task_DecideBatch']"));
            browser.screenshot("cockpit-collection-run");
        }
    }
}
