package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.recollect.accounts.AccountService;
import io.recollect.accounts.AccountView;
import io.recollect.customers.CustomerView;
import io.recollect.dunning.CommunicationKind;
import io.recollect.invoicing.InvoiceView;
import io.recollect.rules.CollectionAction;
import io.recollect.rules.DecisionRecordView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CollectionCaseProcessTests extends IntegrationTest {

    @Autowired
    AccountService accounts;
    @Autowired
    CollectionCaseService cases;
    @Autowired
    TaskService tasks;

    @Test
    void overdueInvoiceGetsFirstReminderByEmail() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = overdueInvoice(customer, "89.90", 5);

        jobs.runDueJobs();

        var reminders = reminders(customer);
        assertThat(reminders).hasSize(1);
        Mailbox.Received reminder = reminders.get(0);
        assertThat(reminder.to()).isEqualTo(customer.email());
        assertThat(reminder.subject()).isEqualTo("Reminder: invoice " + invoice.number() + " is overdue (EUR 89.90 due)");
        assertThat(reminder.body()).contains(invoice.number()).contains("Amount due: EUR 89.90");
        assertThat(caseProcess(customer)).isWaitingAt("Gateway_WaitOrWake");

        DecisionRecordView decision = onlyDecision(customer);
        assertThat(decision.action()).isEqualTo(CollectionAction.REMIND);
        assertThat(decision.dunningLevel()).isEqualTo(1);
        assertThat(decision.citation().table()).isEqualTo("collection-path");
        assertThat(decision.citation().version()).matches("[0-9a-f]{64}");
        assertThat(decision.citation().row()).isPositive();
        assertThat(decision.inputs()).contains("\"daysPastDue\":5").contains("\"remindersSent\":0");
    }

    @Test
    void paymentAfterReminderClosesTheCase() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = overdueInvoice(customer, "89.90", 5);
        jobs.runDueJobs();
        ProcessInstance caseProcess = caseProcess(customer);
        ProcessInstance invoiceProcess = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(invoice.number()).singleResult();

        time.advanceDays(2);
        fixtures.pay(customer, "89.90", time.today());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            jobs.runDueJobs();
            return isEnded(caseProcess) && isEnded(invoiceProcess);
        });

        assertThat(caseProcess).hasPassed("Task_CloseCase").isEnded();
        assertThat(invoiceProcess).hasPassed("End_Paid").isEnded();
        AccountView account = accounts.account(customer.id());
        assertThat(account.openCase()).isNull();
        assertThat(account.cases()).singleElement().extracting(CaseView::status).isEqualTo(CaseStatus.CLOSED);
        assertThat(reminders(customer)).hasSize(1);
    }

    @Test
    void largeBalanceStillUnpaidAfterTheWaitEscalatesToCollectors() {
        CustomerView customer = fixtures.customer();
        overdueInvoice(customer, "6000.00", 3);
        jobs.runDueJobs();
        assertThat(reminders(customer)).hasSize(1);

        time.advanceDays(6);
        jobs.runDueJobs();
        assertThat(caseProcess(customer)).isWaitingAt("Gateway_WaitOrWake");

        time.advanceDays(2);
        jobs.runDueJobs();

        assertThat(caseProcess(customer)).isWaitingAt(CollectionCaseProcess.TASK_CONTACT_CUSTOMER);
        assertThat(task(caseProcess(customer))).hasCandidateGroup("collectors").hasDueDate(
                java.util.Date.from(time.now().plus(Duration.ofDays(2))));
        assertThat(reminders(customer)).hasSize(1);
        assertThat(decisions(customer)).extracting(DecisionRecordView::action)
                .containsExactly(CollectionAction.REMIND, CollectionAction.ESCALATE);
    }

    @Test
    void smallBalanceGetsSecondReminderThenACollectorCall() {
        CustomerView customer = fixtures.customer();
        overdueInvoice(customer, "120.00", 1);
        jobs.runDueJobs();

        time.advanceDays(15);
        jobs.runDueJobs();
        assertThat(reminders(customer)).extracting(Mailbox.Received::subject)
                .last().asString().startsWith("Second reminder");

        time.advanceDays(11);
        jobs.runDueJobs();
        assertThat(caseProcess(customer)).isWaitingAt(CollectionCaseProcess.TASK_CONTACT_CUSTOMER);
        assertThat(decisions(customer)).extracting(DecisionRecordView::dunningLevel).containsExactly(1, 2, 0);
    }

    @Test
    void collectorRecordsWhatTheCustomerSaid() {
        CustomerView customer = fixtures.customer();
        overdueInvoice(customer, "380.00", 75);
        jobs.runDueJobs();
        var contact = tasks.createTaskQuery().processInstanceId(caseProcess(customer).getId()).singleResult();
        assertThat(contact.getTaskDefinitionKey()).isEqualTo(CollectionCaseProcess.TASK_CONTACT_CUSTOMER);

        tasks.claim(contact.getId(), "collector");
        tasks.complete(contact.getId(), Map.of(CollectionCaseProcess.VAR_CONTACT_OUTCOME, "PROMISE_TO_PAY",
                CollectionCaseProcess.VAR_CONTACT_NOTE, "Will pay on Friday"));

        assertThat(caseProcess(customer)).isWaitingAt("Gateway_WaitOrWake");
        var note = accounts.account(customer.id()).communications().stream()
                .filter(c -> c.kind() == CommunicationKind.CONTACT_NOTE).toList();
        assertThat(note).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("PROMISE_TO_PAY");
            assertThat(n.author()).isEqualTo("collector");
        });
    }

    @Test
    void caseReopensWhenAnotherInvoiceFallsOverdue() {
        CustomerView customer = fixtures.customer();
        overdueInvoice(customer, "50.00", 2);
        jobs.runDueJobs();
        fixtures.pay(customer, "50.00", time.today());
        ProcessInstance first = caseProcess(customer);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            jobs.runDueJobs();
            return isEnded(first);
        });

        fixtures.issuedInvoice(customer, "70.00", time.today(), time.today().plusDays(10));
        time.advanceDays(12);
        jobs.runDueJobs();

        assertThat(cases.history(customer.id())).extracting(CaseView::status)
                .containsExactly(CaseStatus.OPEN, CaseStatus.CLOSED);
        assertThat(reminders(customer)).hasSize(2);
    }

    private InvoiceView overdueInvoice(CustomerView customer, String amount, int daysPastDue) {
        return fixtures.issuedInvoice(customer, amount, time.today().minusDays(daysPastDue + 30),
                time.today().minusDays(daysPastDue));
    }

    private ProcessInstance caseProcess(CustomerView customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CollectionCaseProcess.KEY)
                .variableValueEquals(CollectionCaseProcess.VAR_CUSTOMER_ID, customer.id().toString()).singleResult();
    }

    private boolean isEnded(ProcessInstance process) {
        return runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count() == 0;
    }

    private List<Mailbox.Received> reminders(CustomerView customer) {
        return Mailbox.of(mail, customer.email()).stream().filter(m -> !m.subject().startsWith("Invoice ")).toList();
    }

    private List<DecisionRecordView> decisions(CustomerView customer) {
        return accounts.account(customer.id()).decisions();
    }

    private DecisionRecordView onlyDecision(CustomerView customer) {
        assertThat(decisions(customer)).hasSize(1);
        return decisions(customer).get(0);
    }
}
