package io.recollect.writeoffs;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.cases.DunningPauseService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.invoicing.InvoiceView;
import io.recollect.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The write-off the table proposed is the one approved: an invoice that falls overdue while the
 * approval task waits is not written off with it.
 */
class WriteOffRegressionIntegrationTests extends IntegrationTest {

    @Autowired
    TaskService tasks;
    @Autowired
    InvoiceService invoices;
    @Autowired
    DunningPauseService pauses;

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void invoiceFallingOverdueWhileApprovalWaitsIsNotWrittenOff() {
        CustomerView customer = fixtures.customer();
        pauses.pauseCustomer(customer.id(), "Address being verified", time.today().plusDays(30), "manager");
        InvoiceView small = fixtures.overdueInvoice(customer, "20.00", 95, time.today());
        cases.settle();
        time.advanceDays(31);
        cases.settle();
        Task approval = writeOffTask(customer);
        InvoiceView large = fixtures.issuedInvoice(customer, "5000.00", time.today().minusDays(29), time.today().plusDays(1));

        // The large invoice falls due; the manager approves before the next decision about the account.
        time.advanceDays(2);
        assertThat(as("manager").postForEntity("/engine-rest/task/" + approval.getId() + "/claim",
                Map.of("userId", "manager"), Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("manager").postForEntity("/engine-rest/task/" + approval.getId() + "/complete",
                Map.of("variables", Map.of("writeOffDecision", Map.of("value", "APPROVE"))), Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        cases.settle();

        assertThat(invoices.get(small.id()).status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(invoices.get(large.id()).openAmount().amount()).isEqualByComparingTo(new BigDecimal("5000.00"));
        assertThat(invoices.get(large.id()).status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    /** The open write-off approval of the customer, whichever process holds it. */
    private Task writeOffTask(CustomerView customer) {
        Task task = tasks.createTaskQuery().processVariableValueEquals("customerId", customer.id().toString())
                .taskDefinitionKeyLike("%WriteOff%").singleResult();
        assertThat(task).as("an open write-off task").isNotNull();
        return task;
    }
}
