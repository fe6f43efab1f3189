package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.recollect.customers.AccountSchedule;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceView;
import io.recollect.rules.CollectionAction;
import io.recollect.rules.DecisionRecordView;
import io.recollect.shared.BusinessTime;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dunning ladder and the case's life: scenarios in business time. */
class CollectionCaseProcessTests extends IntegrationTest {

    @Autowired
    CollectionCaseService caseService;
    @Autowired
    DunningPauseService pauses;
    @Autowired
    AccountSchedule schedule;
    @Autowired
    BusinessTime businessTime;

    @Test
    void overdueInvoiceGetsAFriendlyFirstReminderByEmail() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "89.90", 5, time.today());

        cases.settle();

        assertThat(reminders(customer)).singleElement().satisfies(reminder -> {
            assertThat(reminder.to()).isEqualTo(customer.email());
            assertThat(reminder.subject()).isEqualTo("Reminder: invoice " + invoice.number() + " is overdue (EUR 89.90 due)");
            assertThat(reminder.body()).contains(invoice.number()).contains("Amount due: EUR 89.90");
        });
        // Letters need no person: the run decided and sent; the account waits for its next step's run.
        assertThat(cases.caseProcess(customer)).isNull();
        assertThat(caseService.openCase(customer.id())).isPresent();
        assertThat(schedule.marks(customer.id()).decideAt()).isEqualTo(businessTime.runTimeOn(time.today().plusDays(10)));
        DecisionRecordView decision = cases.lastDecision(customer);
        assertThat(decision.action()).isEqualTo(CollectionAction.REMIND);
        assertThat(decision.template()).isEqualTo("reminder-friendly");
        assertThat(decision.citation().table()).isEqualTo("collection-path");
        assertThat(decision.citation().version()).matches("[0-9a-f]{64}");
        assertThat(decision.inputs()).contains("\"daysPastDue\":5").contains("\"segment\":\"SMALL_BUSINESS\"");
    }

    @Test
    void consumerGoesThroughTwoRemindersAndAFinalNoticeToACollectorsCall() {
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(customer, "120.00", 1, time.today());
        cases.settle();

        time.advanceDays(14);
        cases.settle();
        time.advanceDays(14);
        cases.settle();
        assertThat(cases.caseProcess(customer)).isNull();
        time.advanceDays(14);
        cases.settle();

        assertThat(reminders(customer)).extracting(Mailbox.Received::subject).satisfiesExactly(
                first -> assertThat(first).startsWith("Reminder: invoice"),
                second -> assertThat(second).startsWith("Second reminder"),
                last -> assertThat(last).startsWith("Final notice"));
        assertThat(cases.decisions(customer)).extracting(DecisionRecordView::action).containsExactly(
                CollectionAction.REMIND, CollectionAction.REMIND, CollectionAction.FINAL_NOTICE, CollectionAction.ESCALATE);
        ProcessInstance process = cases.caseProcess(customer);
        assertThat(process).isWaitingAt(CollectionCaseProcess.TASK_CONTACT_CUSTOMER);
        assertThat(task(process)).hasCandidateGroup("collectors")
                .hasDueDate(Date.from(time.now().plus(Duration.ofDays(2))));
        assertThat(cases.openTask(customer).getPriority()).isEqualTo(50);
    }

    @Test
    void largeBalanceStillUnpaidAfterOneReminderGoesToACollectorFirst() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "12000.00", 3, time.today());
        cases.settle();

        time.advanceDays(9);
        cases.settle();
        assertThat(cases.caseProcess(customer)).isNull();
        time.advanceDays(1);
        cases.settle();

        assertThat(cases.caseProcess(customer)).isWaitingAt(CollectionCaseProcess.TASK_CONTACT_CUSTOMER);
        assertThat(cases.openTask(customer).getPriority()).isEqualTo(90);
        assertThat(reminders(customer)).hasSize(1);
    }

    @Test
    void paymentAfterTheReminderClosesTheCaseAtOnce() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "89.90", 5, time.today());
        cases.settle();
        ProcessInstance invoiceProcess = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(invoice.number()).singleResult();

        time.advanceDays(2);
        fixtures.pay(customer, "89.90", time.today());
        cases.settle();

        assertThat(invoiceProcess).hasPassed("End_Settled").isEnded();
        assertThat(cases.lastDecision(customer).decidedAt()).isBefore(time.now());
        assertThat(schedule.marks(customer.id()).decideAt()).isNull();
        assertThat(caseService.openCase(customer.id())).isEmpty();
        assertThat(reminders(customer)).hasSize(1);
    }

    @Test
    void paymentMidWaitReevaluatesAtOnceAndReanchorsOnTheNextOldestInvoice() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "50.00", 40, time.today());
        InvoiceView younger = fixtures.overdueInvoice(customer, "300.00", 5, time.today());
        cases.settle();
        assertThat(cases.lastDecision(customer).inputs()).contains("\"daysPastDue\":40");

        time.advanceDays(3);
        fixtures.pay(customer, "80.00", time.today());
        cases.settle();

        List<DecisionRecordView> decisions = cases.decisions(customer);
        assertThat(decisions).hasSize(2);
        DecisionRecordView afterPayment = decisions.get(1);
        assertThat(afterPayment.decidedAt()).isEqualTo(time.now());
        assertThat(afterPayment.inputs()).contains("\"daysPastDue\":8").contains("\"overdueAmount\":270.00");
        assertThat(afterPayment.action()).isEqualTo(CollectionAction.HOLD);
        assertThat(reminders(customer)).hasSize(1);

        time.advanceDays(7);
        cases.settle();
        assertThat(reminders(customer)).last().satisfies(second -> {
            assertThat(second.subject()).startsWith("Second reminder");
            assertThat(second.body()).contains(younger.number()).contains("EUR 270.00");
        });
    }

    @Test
    void pausedAccountHoldsUntilThePauseEndsThenResumes() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "75.00", 2, time.today());
        cases.settle();

        pauses.pauseCustomer(customer.id(), "Customer in hospital", time.today().plusDays(20), "manager");
        cases.settle();
        assertThat(cases.lastDecision(customer).reason()).isEqualTo("Dunning is paused");
        time.advanceDays(10);
        cases.settle();
        time.advanceDays(10);
        cases.settle();
        assertThat(reminders(customer)).hasSize(1);

        time.advanceDays(1);
        cases.settle();

        assertThat(reminders(customer)).hasSize(2);
        assertThat(cases.lastDecision(customer).action()).isEqualTo(CollectionAction.REMIND);
    }

    @Test
    void caseClosesAndReopensWhenAnotherInvoiceFallsOverdue() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "50.00", 2, time.today());
        cases.settle();
        fixtures.pay(customer, "50.00", time.today());
        cases.settle();
        assertThat(caseService.openCase(customer.id())).isEmpty();

        fixtures.issuedInvoice(customer, "70.00", time.today(), time.today().plusDays(10));
        time.advanceDays(12);
        cases.settle();

        assertThat(caseService.history(customer.id())).extracting(CaseView::status)
                .containsExactly(CaseStatus.OPEN, CaseStatus.CLOSED);
        assertThat(reminders(customer)).hasSize(2);
    }

    @Test
    void invoicesFallingOverdueTogetherMakeOneDecisionAndOneReminder() {
        CustomerView customer = fixtures.customer();
        List<InvoiceView> invoices = List.of(fixtures.issuedInvoice(customer, "10.00", time.today(), time.today().plusDays(3)),
                fixtures.issuedInvoice(customer, "20.00", time.today(), time.today().plusDays(3)),
                fixtures.issuedInvoice(customer, "30.00", time.today(), time.today().plusDays(3)));
        cases.settle();

        time.advanceDays(8);
        cases.settle();

        // The account, not each invoice, is the unit of work: one decision sees all three.
        assertThat(cases.decisions(customer)).singleElement()
                .satisfies(decision -> assertThat(decision.inputs()).contains("\"overdueAmount\":60.00"));
        assertThat(reminders(customer)).singleElement().satisfies(reminder -> assertThat(reminder.body())
                .contains(invoices.get(0).number(), invoices.get(1).number(), invoices.get(2).number()));
    }

    @Test
    void invoiceFallingOverdueWhileTheCaseWaitsIsDecidedAtOnce() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "10.00", 5, time.today());
        cases.settle();
        fixtures.issuedInvoice(customer, "25.00", time.today(), time.today().plusDays(2));

        time.advanceDays(3);
        cases.settle();

        assertThat(cases.decisions(customer)).hasSize(2);
        assertThat(cases.lastDecision(customer).inputs()).contains("\"overdueAmount\":35.00");
        assertThat(cases.lastDecision(customer).decidedAt()).isEqualTo(time.now());
    }

    private List<Mailbox.Received> reminders(CustomerView customer) {
        return Mailbox.dunning(mail, customer.email());
    }
}
