package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.recollect.accounts.TimelineEntry;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.invoicing.InvoiceView;
import io.recollect.rules.CollectionAction;
import io.recollect.support.IntegrationTest;
import io.recollect.writeoffs.WriteOffProcess;
import io.recollect.support.Mailbox;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What customers say and managers decide, and how the case follows: scenarios in business time. */
class CollectionOutcomeProcessTests extends IntegrationTest {

    @Autowired
    PromiseService promises;
    @Autowired
    DisputeService disputes;
    @Autowired
    DunningPauseService pauses;
    @Autowired
    InvoiceService invoices;
    @Autowired
    TaskService tasks;

    @Test
    void promiseKeptByAPaymentClosesTheCase() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "300.00", 4, time.today());
        cases.settle();

        promises.record(customer.id(), time.today().plusDays(5), new BigDecimal("300.00"), "collector");
        cases.settle();
        assertThat(cases.lastDecision(customer).reason()).isEqualTo("Waiting for the promised payment");
        time.advanceDays(3);
        fixtures.pay(customer, "300.00", time.today());
        cases.settle();

        assertThat(cases.caseProcess(customer)).isNull();
        assertThat(kinds(customer)).contains("PROMISE_RECORDED", "PROMISE_KEPT", "CASE_CLOSED");
    }

    @Test
    void brokenPromiseIsCountedAndTheCollectorCallsAgain() {
        CustomerView customer = escalatedEnterpriseCase("500.00");

        cases.complete(customer, "collector", Map.of(CollectionCaseProcess.VAR_CONTACT_OUTCOME, "PROMISE_TO_PAY",
                CollectionCaseProcess.VAR_PROMISED_DATE, time.today().plusDays(3).toString(),
                CollectionCaseProcess.VAR_PROMISED_AMOUNT, 500.0,
                CollectionCaseProcess.VAR_CONTACT_NOTE, "Pays on Thursday"));
        assertThat(cases.lastDecision(customer).action()).isEqualTo(CollectionAction.HOLD);
        time.advanceDays(7);
        cases.settle();

        assertThat(cases.lastDecision(customer).inputs()).contains("\"brokenPromises\":1").contains("\"openPromise\":false");
        assertThat(cases.lastDecision(customer).action()).isEqualTo(CollectionAction.ESCALATE);
        assertThat(cases.caseProcess(customer)).isWaitingAt(CollectionCaseProcess.TASK_CONTACT_CUSTOMER);
        assertThat(kinds(customer)).contains("PROMISE_RECORDED", "CALL_NOTE", "PROMISE_BROKEN");
    }

    @Test
    void invalidPromiseFromTheContactTaskIsRefusedAndNothingChanges() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        var task = cases.openTask(customer);

        assertThatThrownBy(() -> runtimeTaskComplete(task.getId(), Map.of(
                CollectionCaseProcess.VAR_CONTACT_OUTCOME, "PROMISE_TO_PAY",
                CollectionCaseProcess.VAR_PROMISED_AMOUNT, 500.0))).hasStackTraceContaining("The promised date is required");

        assertThat(cases.openTask(customer).getId()).isEqualTo(task.getId());
        assertThat(kinds(customer)).doesNotContain("PROMISE_RECORDED", "CALL_NOTE");
    }

    @Test
    void disputedInvoiceLeavesTheRemindersUntilTheDisputeIsUpheld() {
        CustomerView customer = fixtures.customer();
        InvoiceView kept = fixtures.overdueInvoice(customer, "100.00", 5, time.today());
        InvoiceView disputed = fixtures.overdueInvoice(customer, "200.00", 5, time.today());
        cases.settle();

        disputes.raise(disputed.id(), "Goods never arrived", "collector");
        cases.settle();
        time.advanceDays(10);
        cases.settle();
        Mailbox.Received second = reminders(customer).get(1);
        assertThat(second.body()).contains(kept.number()).doesNotContain(disputed.number()).contains("EUR 100.00");

        cases.complete(customer, "manager", Map.of(DisputeProcess.VAR_RESOLUTION, "UPHOLD",
                DisputeProcess.VAR_RESOLUTION_NOTE, "Delivery note signed by the customer"));
        time.advanceDays(10);
        cases.settle();

        Mailbox.Received finalNotice = reminders(customer).get(2);
        assertThat(finalNotice.subject()).startsWith("Final notice");
        assertThat(finalNotice.body()).contains(kept.number()).contains(disputed.number()).contains("EUR 300.00");
        assertThat(kinds(customer)).contains("DISPUTE_RAISED", "DISPUTE_UPHELD");
    }

    @Test
    void disputeRaisedOnThePhoneGoesToManagersAndHoldsTheReminders() {
        CustomerView customer = escalatedEnterpriseCase("640.00");
        String invoiceNumber = invoices.openItems(customer.id()).get(0).number();

        cases.complete(customer, "collector", Map.of(CollectionCaseProcess.VAR_CONTACT_OUTCOME, "DISPUTE",
                CollectionCaseProcess.VAR_DISPUTED_INVOICE, invoiceNumber,
                CollectionCaseProcess.VAR_DISPUTE_REASON, "Never ordered the extra licences"));

        assertThat(cases.lastDecision(customer).reason()).isEqualTo("Only disputed invoices are overdue");
        assertThat(cases.openTask(customer).getTaskDefinitionKey()).isEqualTo(DisputeProcess.TASK_RESOLVE_DISPUTE);
        assertThat(cases.openTask(customer)).hasCandidateGroup("collection-managers");
    }

    @Test
    void disputeDecidedForTheCustomerCreditsTheInvoiceAndClosesTheCase() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "250.00", 5, time.today());
        cases.settle();

        disputes.raise(invoice.id(), "Charged twice", "integration");
        cases.settle();
        assertThat(cases.lastDecision(customer).reason()).isEqualTo("Only disputed invoices are overdue");
        cases.complete(customer, "manager", Map.of(DisputeProcess.VAR_RESOLUTION, "CREDIT",
                DisputeProcess.VAR_CREDIT_AMOUNT, 250.0, DisputeProcess.VAR_RESOLUTION_NOTE, "Duplicate billing"));

        InvoiceView credited = invoices.get(invoice.id());
        assertThat(credited.status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(credited.openAmount().isZero()).isTrue();
        assertThat(cases.caseProcess(customer)).isNull();
        assertThat(cases.timeline(customer)).filteredOn(e -> e.kind().equals("DISPUTE_CREDITED")).singleElement()
                .extracting(TimelineEntry::summary).asString().contains("CN-" + invoice.number() + "-1");
    }

    @Test
    void hardshipReportedByPhoneOpensThePlanNegotiation() {
        CustomerView customer = escalatedEnterpriseCase("800.00");

        cases.complete(customer, "collector", Map.of(CollectionCaseProcess.VAR_CONTACT_OUTCOME, "HARDSHIP",
                CollectionCaseProcess.VAR_CONTACT_NOTE, "Lost their main client"));

        org.camunda.bpm.engine.task.Task negotiate = cases.openTask(customer);
        assertThat(negotiate.getTaskDefinitionKey()).isEqualTo(io.recollect.plans.HardshipPlanProcess.TASK_NEGOTIATE_PLAN);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(negotiate.getProcessInstanceId())
                .singleResult().getProcessDefinitionId()).startsWith("hardship-plan");
        assertThat(kinds(customer)).contains("HARDSHIP_REPORTED");
    }

    @Test
    void accountOver120DaysGetsTheAgencyLetterAndIsHandedOver() {
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.C);
        fixtures.overdueInvoice(customer, "640.00", 125, time.today());
        cases.settle();

        assertThat(reminders(customer)).singleElement().extracting(Mailbox.Received::subject).asString()
                .contains("is now with our collection agency");
        assertThat(cases.caseProcess(customer)).isWaitingAt(CollectionCaseProcess.TASK_HAND_OVER_TO_AGENCY);
        cases.complete(customer, "manager", Map.of(CollectionCaseProcess.VAR_AGENCY_REFERENCE, "AG-2026-0042"));
        time.advanceDays(30);
        cases.settle();

        assertThat(cases.lastDecision(customer).reason()).isEqualTo("With the collection agency: wait for its report");
        assertThat(cases.timeline(customer)).filteredOn(e -> e.kind().equals("AGENCY_HANDOVER")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("manager"));
    }

    @Test
    void smallOldBalanceIsWrittenOffWhenAManagerApproves() {
        CustomerView customer = fixtures.customer();
        pauses.pauseCustomer(customer.id(), "Address being verified", time.today().plusDays(30), "manager");
        InvoiceView invoice = fixtures.overdueInvoice(customer, "20.00", 95, time.today());
        cases.settle();
        time.advanceDays(31);
        cases.settle();

        assertThat(cases.openTask(customer).getTaskDefinitionKey()).isEqualTo(WriteOffProcess.TASK_APPROVE_WRITE_OFF);
        cases.complete(customer, "manager", Map.of(WriteOffProcess.VAR_DECISION, WriteOffProcess.DECISION_APPROVE));

        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(cases.caseProcess(customer)).isNull();
        assertThat(kinds(customer)).contains("WRITE_OFF_REQUESTED", "WRITE_OFF_POSTED", "CASE_CLOSED");
        assertThat(reminders(customer)).isEmpty();
    }

    private void runtimeTaskComplete(String taskId, Map<String, Object> form) {
        tasks.claim(taskId, "collector");
        tasks.complete(taskId, form);
    }

    private List<Mailbox.Received> reminders(CustomerView customer) {
        return Mailbox.dunning(mail, customer.email());
    }
}
