package io.recollect.writeoffs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.cases.CollectionCaseProcess;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.invoicing.InvoiceView;
import io.recollect.payments.NewPayment;
import io.recollect.payments.PaymentService;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A write-off asked for on the collector's contact task, an approval left past the days the table
 * gave it, and posting that lets the customer's credit pay first.
 */
class WriteOffOnTheTaskIntegrationTests extends IntegrationTest {

    @Autowired
    TaskService tasks;
    @Autowired
    WriteOffService writeOffs;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;

    @BeforeEach
    void colleagues() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("mila", PASSWORD, "Mila", "Manager", "mila@test.example", List.of(Roles.MANAGERS));
    }

    @Test
    void collectorRequestsAWriteOffOnTheContactTaskAndNeverApprovesIt() {
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        InvoiceView invoice = fixtures.overdueInvoice(customer, "300.00", 65, time.today());
        cases.settle();
        Task contact = cases.openTask(customer);
        assertThat(contact.getTaskDefinitionKey()).isEqualTo(CollectionCaseProcess.TASK_CONTACT_CUSTOMER);
        String task = "/engine-rest/task/" + contact.getId();
        as("collector").postForEntity(task + "/claim", Map.of("userId", "collector"), Void.class);

        ResponseEntity<JsonNode> noReason = as("collector").postForEntity(task + "/complete", Map.of("variables",
                Map.of("contactOutcome", Map.of("value", "WRITE_OFF_REQUESTED"))), JsonNode.class);
        ResponseEntity<JsonNode> undeclared = as("collector").postForEntity(task + "/complete", Map.of("variables",
                Map.of("contactOutcome", Map.of("value", "WRITE_OFF_REQUESTED"), "writeOffReason",
                        Map.of("value", "BORED"))), JsonNode.class);
        assertThat(noReason.getStatusCode().is4xxClientError()).isTrue();
        assertThat(noReason.getBody().toString()).contains("writeOffReason", "Say why the debt should be written off");
        assertThat(undeclared.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(writeOffs.forCustomer(customer.id())).isEmpty();

        ResponseEntity<String> done = as("collector").postForEntity(task + "/complete", Map.of("variables", Map.of(
                "contactOutcome", Map.of("value", "WRITE_OFF_REQUESTED"), "writeOffReason", Map.of("value", "DECEASED"),
                "contactNote", Map.of("value", "Spoke to the executor"))), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        cases.settle();

        WriteOffView requested = writeOffs.forCustomer(customer.id()).get(0);
        assertThat(requested.reason()).isEqualTo(WriteOffReason.DECEASED);
        assertThat(requested.requestedBy()).isEqualTo("collector");
        assertThat(requested.requested().amount()).isEqualByComparingTo("300.00");
        assertThat(requested.status()).isEqualTo(WriteOffStatus.REQUESTED);
        Task approval = approvalTask(customer);
        assertThat(writeOffs.refusal(requested.id(), "collector", WriteOffProcess.DECISION_APPROVE))
                .hasValueSatisfying(why -> assertThat(why).contains("collector requested this write-off"));
        tasks.claim(approval.getId(), "mila");
        tasks.complete(approval.getId(), Map.of("writeOffDecision", "APPROVE"));
        cases.settle();
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
    }

    @Test
    void approvalPastTheTablesDaysIsRaisedAndOfferedToCollectionManagers() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "1500.00", 200, time.today());
        cases.settle();
        assertThat(as("collector").postForEntity(requests(customer), Map.of("reason", "UNCOLLECTABLE"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        cases.settle();
        Task approval = approvalTask(customer);
        assertThat(approval.getPriority()).isEqualTo(80);

        time.advanceDays(4);
        cases.settle();
        assertThat(tasks.createTaskQuery().taskId(approval.getId()).singleResult().getPriority()).isEqualTo(80);
        time.advanceDays(2);
        cases.settle();

        Task raised = tasks.createTaskQuery().taskId(approval.getId()).singleResult();
        assertThat(raised).as("the task stays open").isNotNull();
        assertThat(raised.getPriority()).isEqualTo(100);
        assertThat(tasks.getIdentityLinksForTask(raised.getId())).extracting(l -> l.getGroupId())
                .contains(Roles.FINANCE, Roles.MANAGERS);
    }

    @Test
    void postingLetsTheCustomersCreditPayFirst() {
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        InvoiceView requested = fixtures.overdueInvoice(customer, "100.00", 100, time.today());
        InvoiceView notYetDue = fixtures.issuedInvoice(customer, "20.00", time.today(), time.today().plusDays(30));
        cases.settle();
        JsonNode writeOff = as("collector").postForEntity(requests(customer), Map.of("reason", "UNCOLLECTABLE",
                "invoices", List.of(Map.of("invoiceNumber", requested.number()))), JsonNode.class).getBody();
        cases.settle();
        // 50.00, of which 20.00 named for the invoice not yet due: 30.00 is credit the run has not applied yet.
        payments.record(new NewPayment(TestFixtures.unique("PAY"), customer.id(), new BigDecimal("50.00"), "EUR",
                time.today(), "BANK_TRANSFER", null, List.of(new NewPayment.Allocation(notYetDue.number(),
                        new BigDecimal("20.00")))));
        assertThat(invoices.get(requested.id()).openAmount().amount()).isEqualByComparingTo("100.00");
        Task approval = approvalTask(customer);
        tasks.claim(approval.getId(), "mila");
        tasks.complete(approval.getId(), Map.of("writeOffDecision", "APPROVE"));
        // The process's own jobs only (past the approval, then the posting): no run applies the credit meanwhile.
        for (int step = 0; step < 3; step++) {
            management.createJobQuery().processInstanceId(approval.getProcessInstanceId()).executable().list()
                    .forEach(job -> management.executeJob(job.getId()));
        }

        WriteOffView posted = writeOffs.forCustomer(customer.id()).get(0);
        assertThat(posted.id().toString()).isEqualTo(writeOff.path("id").asText());
        assertThat(posted.status()).isEqualTo(WriteOffStatus.POSTED);
        assertThat(posted.posted().amount()).isEqualByComparingTo("70.00");
        InvoiceView after = invoices.get(requested.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(after.openAmount().amount()).isEqualByComparingTo("0.00");
        JsonNode account = as("collector").getForEntity("/api/customers/" + customer.id() + "/account", JsonNode.class)
                .getBody();
        assertThat(account.path("unappliedCredit").path("amount").decimalValue()).isEqualByComparingTo("0.00");
    }

    private static String requests(CustomerView customer) {
        return "/api/customers/" + customer.id() + "/write-off-requests";
    }

    private Task approvalTask(CustomerView customer) {
        Task task = tasks.createTaskQuery().processVariableValueEquals("customerId", customer.id().toString())
                .taskDefinitionKey(WriteOffProcess.TASK_APPROVE_WRITE_OFF).singleResult();
        assertThat(task).as("an open write-off approval").isNotNull();
        return task;
    }
}
