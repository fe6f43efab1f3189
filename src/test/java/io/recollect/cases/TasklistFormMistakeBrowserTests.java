package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.support.Browser;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A collector in Camunda Tasklist, as a person: the filter by priority comes first; a promise
 * submitted without its date is refused in plain words naming the field, the task stays open, and
 * the log has no ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class TasklistFormMistakeBrowserTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void aPromiseWithoutADateIsToldInPlainWordsInTasklist(CapturedOutput log) {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Task task = cases.openTask(customer);

        try (Browser browser = Browser.open(port)) {
            browser.logIn("collector", PASSWORD);
            String list = null;
            // on a loaded machine Tasklist's first load can outlast one wait: a person would reload
            for (int attempt = 1; list == null; attempt++) {
                try {
                    list = browser.openCamundaApp("/camunda/app/tasklist/default/", "Tasklist", "Contact customer");
                } catch (org.openqa.selenium.TimeoutException slow) {
                    browser.screenshot("tasklist-did-not-open-" + attempt);
                    if (attempt == 3) {
                        throw slow;
                    }
                }
            }
            assertThat(list).contains("My group's tasks by priority");
            assertThat(list.indexOf("My group's tasks by priority")).isLessThan(list.indexOf("All tasks"));
            browser.click(By.partialLinkText(customer.name()));
            browser.waitForText("What the customer said");
            browser.click(By.cssSelector("button.claim"));
            browser.waitFor(By.cssSelector("[id$='Field_ContactOutcome'], .fjs-select-display"));

            // form-js draws its own drop-down: open it and pick the outcome as a person would
            browser.click(By.cssSelector(".fjs-select-display"));
            browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(.,'Customer promised to pay')]"));
            browser.type(By.cssSelector("input[id$='Field_PromisedAmount']"), "100");
            browser.click(By.xpath("//button[@type='submit'][contains(.,'Complete')]"));

            String refused = browser.waitForText("The promised date is missing");
            browser.screenshot("tasklist-promise-without-date");
            assertThat(refused).contains("The promised date is missing: give the day the customer will pay.")
                    .doesNotContain("ENGINE-", "TaskListener", "Exception");
        }

        assertThat(cases.openTask(customer).getId()).isEqualTo(task.getId());
        assertThat(kinds(customer)).doesNotContain("PROMISE_RECORDED", "CALL_NOTE");
        assertThat(log.getOut() + log.getErr()).doesNotContain(" ERROR ").doesNotContain("ENGINE-03051");
    }
}
