package io.recollect.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class InvoiceToCashProcessTests extends IntegrationTest {

    @Test
    void sendsTheInvoiceByEmailWhenIssued() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "250.00", time.today(), time.today().plusDays(14));

        jobs.runDueJobs();

        var received = Mailbox.of(mail, customer.email());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).subject()).isEqualTo("Invoice " + invoice.number());
        assertThat(received.get(0).body()).contains("EUR 250.00");
        assertThat(process(invoice)).isWaitingAt("Gateway_PaidOrDue");
    }

    @Test
    void paidBeforeDueEndsWithoutReminder() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "250.00", time.today(), time.today().plusDays(14));
        jobs.runDueJobs();
        ProcessInstance process = process(invoice);

        time.advanceDays(3);
        fixtures.pay(customer, "250.00", time.today());
        await().atMost(Duration.ofSeconds(20)).until(() -> isEnded(process));
        time.advanceDays(40);
        jobs.runDueJobs();

        assertThat(process).hasPassed("End_SettledBeforeDue");
        assertThat(Mailbox.of(mail, customer.email())).extracting(Mailbox.Received::subject)
                .containsExactly("Invoice " + invoice.number());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("collection-case")
                .variableValueEquals("customerId", customer.id().toString()).count()).isZero();
    }

    @Test
    void overdueInvoiceOpensTheCustomersCase() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "250.00", time.today(), time.today().plusDays(14));
        jobs.runDueJobs();

        time.advanceDays(15);
        jobs.runDueJobs();

        assertThat(process(invoice)).hasPassed("Task_OpenOrRefreshCase").isWaitingAt("Event_InvoiceSettled");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("collection-case")
                .variableValueEquals("customerId", customer.id().toString()).count()).isOne();
    }

    private ProcessInstance process(InvoiceView invoice) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceToCashProcess.KEY)
                .processInstanceBusinessKey(invoice.number()).singleResult();
    }

    private boolean isEnded(ProcessInstance process) {
        return runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count() == 0;
    }
}
