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

    @org.springframework.beans.factory.annotation.Autowired
    io.recollect.customers.AccountSchedule schedule;
    @org.springframework.beans.factory.annotation.Autowired
    io.recollect.shared.BusinessTime businessTime;

    @Test
    void sendsTheInvoiceByEmailWhenIssued() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "250.00", time.today(), time.today().plusDays(14));

        jobs.runDueJobs();

        var received = Mailbox.of(mail, customer.email());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).subject()).isEqualTo("Invoice " + invoice.number());
        assertThat(received.get(0).body()).contains("EUR 250.00");
        assertThat(process(invoice)).isWaitingAt("Event_InvoiceSettled");
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
        cases.settle();

        assertThat(process).hasPassed("End_Settled");
        assertThat(Mailbox.of(mail, customer.email())).extracting(Mailbox.Received::subject)
                .containsExactly("Invoice " + invoice.number());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("collection-case")
                .variableValueEquals("customerId", customer.id().toString()).count()).isZero();
    }

    @Test
    void invoiceMarksItsAccountForTheRunOfTheDayAfterItsDueDate() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "250.00", time.today(), time.today().plusDays(14));
        jobs.runDueJobs();

        // No timer per invoice: the account carries the mark, and the invoice waits for settlement.
        assertThat(management.createJobQuery().timers().count()).isZero();
        assertThat(schedule.marks(customer.id()).decideAt())
                .isEqualTo(businessTime.runTimeOn(time.today().plusDays(15)));
        time.advanceDays(15);
        cases.settle();

        assertThat(process(invoice)).isWaitingAt("Event_InvoiceSettled");
        assertThat(cases.lastDecision(customer).inputs()).contains("\"daysPastDue\":1");
    }

    @Test
    void invoicePaidWhileItsEmailIsSentEndsWithoutWaiting() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "250.00", time.today(), time.today().plusDays(14));
        ProcessInstance process = process(invoice);
        fixtures.pay(customer, "250.00", time.today());
        cases.settle();

        assertThat(process).hasPassed("Task_CheckSettled", "End_Settled").hasNotPassed("Event_InvoiceSettled");
    }

    private ProcessInstance process(InvoiceView invoice) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceToCashProcess.KEY)
                .processInstanceBusinessKey(invoice.number()).singleResult();
    }

    private boolean isEnded(ProcessInstance process) {
        return runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count() == 0;
    }
}
