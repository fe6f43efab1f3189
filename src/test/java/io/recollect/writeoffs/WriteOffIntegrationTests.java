package io.recollect.writeoffs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.mail.internet.MimeMessage;
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

/** Write-offs as people request and approve them, over HTTP, through both doors to the task endpoints. */
class WriteOffIntegrationTests extends IntegrationTest {

    @Autowired
    TaskService tasks;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;

    @BeforeEach
    void colleagues() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("mila", PASSWORD, "Mila", "Manager", "mila@test.example", List.of(Roles.MANAGERS));
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
        identity.ensureUser("max", PASSWORD, "Max", "Manager", "max@test.example",
                List.of(Roles.MANAGERS, Roles.COLLECTORS));
    }

    @Test
    void smallBalanceUnderTheLimitIsWrittenOffAutomatically() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "8.40", 70, time.today());
        cases.settle();

        ResponseEntity<JsonNode> created = request("collector", customer, "SMALL_BALANCE", null);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("approval").asText()).isEqualTo("AUTO");
        cases.settle();

        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        WriteOffView posted = writeOff(created);
        assertThat(posted.status()).isEqualTo(WriteOffStatus.POSTED);
        assertThat(posted.posted().amount()).isEqualByComparingTo("8.40");
        assertThat(posted.requestedBy()).isEqualTo("collector");
        assertThat(posted.decidedBy()).isEqualTo("system");
        assertThat(posted.citation().row()).isEqualTo(WriteOffApprovalRow.R4);
        assertThat(tasks.createTaskQuery().processVariableValueEquals("customerId", customer.id().toString()).count())
                .isZero();
        assertThat(cases.caseProcess(customer)).isNull();
        assertThat(kinds(customer)).contains("WRITE_OFF_REQUESTED", "WRITE_OFF_POSTED");
        JsonNode dashboard = as("fiona").getForObject("/api/dashboard", JsonNode.class);
        assertThat(dashboard.path("writeOffsByReason").findValuesAsText("reason")).contains("SMALL_BALANCE");
    }

    @Test
    void writeOffAboveTheManagersLimitIsRoutedToFinance() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "1500.00", 200, time.today());
        cases.settle();

        ResponseEntity<JsonNode> created = request("collector", customer, "UNCOLLECTABLE", null);
        assertThat(created.getBody().path("approval").asText()).isEqualTo("FINANCE");
        cases.settle();
        Task approval = approvalTask(customer);
        assertThat(approval.getName()).contains(customer.name(), customer.externalRef(), "EUR 1,500.00 overdue");
        assertThat(tasks.getIdentityLinksForTask(approval.getId()))
                .anyMatch(l -> Roles.FINANCE.equals(l.getGroupId()))
                .noneMatch(l -> Roles.MANAGERS.equals(l.getGroupId()));
        assertThat(runtime.getVariable(approval.getProcessInstanceId(), WriteOffProcess.VAR_SUMMARY).toString())
                .contains(invoice.number(), "EUR 1,500.00");

        ResponseEntity<JsonNode> manager = as("manager").postForEntity(engineTask(approval) + "/complete", approve(),
                JsonNode.class);
        ResponseEntity<JsonNode> admin = as("admin").postForEntity(engineTask(approval) + "/complete", approve(),
                JsonNode.class);
        assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.ISSUED);

        claim(approval, "fiona");
        // The form declares the decision and a note, not the amount: the amounts are the request's.
        ResponseEntity<JsonNode> smuggled = as("fiona").postForEntity(engineTask(approval) + "/complete",
                Map.of("variables", Map.of("writeOffDecision", Map.of("value", "APPROVE"),
                        "writeOffSummary", Map.of("value", "Write off EUR 1.00"))), JsonNode.class);
        assertThat(smuggled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("fiona").postForEntity(engineTask(approval) + "/complete", approve(), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        cases.settle();
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(writeOff(created).decidedBy()).isEqualTo("fiona");
        assertThat(writeOff(created).posted().amount()).isEqualByComparingTo("1500.00");
    }

    @Test
    void requesterCannotApproveTheirOwnWriteOffThroughEitherDoor() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "300.00", 100, time.today());
        cases.settle();
        ResponseEntity<JsonNode> created = request("max", customer, "BANKRUPT", "Insolvency notice received");
        assertThat(created.getBody().path("approval").asText()).isEqualTo("COLLECTION_MANAGERS");
        cases.settle();
        Task approval = approvalTask(customer);
        assertThat(as("collector").postForEntity(engineTask(approval) + "/claim", Map.of("userId", "collector"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        claim(approval, "max");

        ResponseEntity<JsonNode> viaRest = as("max").postForEntity(engineTask(approval) + "/complete", approve(),
                JsonNode.class);
        ResponseEntity<JsonNode> viaTasklist = as("max").postForEntity(
                "/camunda/api/engine/engine/default/task/" + approval.getId() + "/submit-form", approve(), JsonNode.class);

        assertThat(viaRest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viaRest.getBody().path("detail").asText()).contains("requested this write-off");
        assertThat(viaTasklist.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.ISSUED);

        // Completed inside the engine, past both HTTP doors, the listener refuses it too.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(approval.getId(),
                Map.of(WriteOffProcess.VAR_DECISION, WriteOffProcess.DECISION_APPROVE)))
                .hasMessageContaining("requested this write-off");
        assertThat(writeOff(created).status()).isEqualTo(WriteOffStatus.REQUESTED);

        tasks.setAssignee(approval.getId(), null);
        claim(approval, "mila");
        assertThat(as("mila").postForEntity(engineTask(approval) + "/complete", approve(), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        cases.settle();
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(writeOff(created).decidedBy()).isEqualTo("mila");
    }

    @Test
    void approvalPostsWhatWasRequestedLessWhatWasPaidSince() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "400.00", 100, time.today());
        cases.settle();
        ResponseEntity<JsonNode> created = request("collector", customer, "UNCOLLECTABLE", null);
        cases.settle();
        fixtures.pay(customer, "150.00", time.today());
        cases.settle();

        Task approval = approvalTask(customer);
        claim(approval, "mila");
        assertThat(as("mila").postForEntity(engineTask(approval) + "/complete", approve(), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        cases.settle();

        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        WriteOffView posted = writeOff(created);
        assertThat(posted.requested().amount()).isEqualByComparingTo("400.00");
        assertThat(posted.posted().amount()).isEqualByComparingTo("250.00");
    }

    @Test
    void charityCareTellsThePatientAndIsReportedApartFromBadDebt() throws Exception {
        CustomerView patient = fixtures.customer(Segment.PATIENT, RiskBand.B);
        InvoiceView invoice = fixtures.overdueInvoice(patient, "640.00", 45, time.today());
        cases.settle();
        ResponseEntity<JsonNode> created = request("collector", patient, "CHARITY_CARE", "Income below 200 % of poverty line");
        cases.settle();
        Task approval = approvalTask(patient);
        claim(approval, "mila");
        as("mila").postForEntity(engineTask(approval) + "/complete", approve(), Void.class);
        mail.purgeEmailFromAllMailboxes();
        cases.settle();

        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        MimeMessage[] received = mail.getReceivedMessagesForDomain("customer.example");
        assertThat(received).extracting(MimeMessage::getSubject)
                .contains("We have written off EUR 640.00 on your account");
        JsonNode charity = as("fiona").getForEntity("/api/write-offs?reason=CHARITY_CARE", JsonNode.class).getBody();
        assertThat(charity.findValuesAsText("id")).contains(created.getBody().path("id").asText());
        JsonNode badDebt = as("fiona").getForEntity("/api/write-offs?reason=UNCOLLECTABLE", JsonNode.class).getBody();
        assertThat(badDebt.findValuesAsText("id")).doesNotContain(created.getBody().path("id").asText());
        JsonNode report = as("fiona").getForEntity("/api/write-offs/report", JsonNode.class).getBody();
        assertThat(report.path("rows").findValuesAsText("category")).contains("CHARITY_CARE");
        assertThat(as("collector").getForEntity("/api/write-offs/report", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void paymentOnAWrittenOffInvoiceIsARecoveryAndReopensNothing() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "7.00", 90, time.today());
        cases.settle();
        ResponseEntity<JsonNode> created = request("collector", customer, "SMALL_BALANCE", null);
        cases.settle();
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);

        payments.record(new NewPayment(TestFixtures.unique("PAY"), customer.id(), new BigDecimal("10.00"), "EUR",
                time.today(), "BANK_TRANSFER", "late payment",
                List.of(new NewPayment.Allocation(invoice.number(), new BigDecimal("10.00")))));
        cases.settle();

        InvoiceView after = invoices.get(invoice.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(after.openAmount().amount()).isEqualByComparingTo("0.00");
        JsonNode account = as("collector").getForEntity("/api/customers/" + customer.id() + "/account", JsonNode.class)
                .getBody();
        assertThat(account.path("recoveries")).hasSize(1);
        assertThat(account.path("recoveries").get(0).path("amount").path("amount").decimalValue())
                .isEqualByComparingTo("7.00");
        assertThat(account.path("unappliedCredit").path("amount").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(account.path("writeOffs").get(0).path("recovered").path("amount").decimalValue())
                .isEqualByComparingTo("7.00");
        assertThat(kinds(customer)).contains("RECOVERY");
        assertThat(writeOff(created).recovered().amount()).isEqualByComparingTo("7.00");
    }

    @Test
    void requestsAreForCollectorsAndManagersAndNameOnlyOpenInvoices() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "50.00", 30, time.today());
        cases.settle();

        assertThat(request("fiona", customer, "UNCOLLECTABLE", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(request("integration", customer, "UNCOLLECTABLE", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(request("admin", customer, "UNCOLLECTABLE", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> tooMuch = as("collector").postForEntity(requests(customer), Map.of("reason",
                "SETTLEMENT", "invoices", List.of(Map.of("invoiceNumber", invoice.number(), "amount", "50.01"))),
                JsonNode.class);
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMuch.getBody().toString()).contains("invoices[0].amount");
        ResponseEntity<JsonNode> badReason = as("collector").postForEntity(requests(customer),
                Map.of("reason", "BORED"), JsonNode.class);
        assertThat(badReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> part = as("collector").postForEntity(requests(customer), Map.of("reason",
                "SETTLEMENT", "invoices", List.of(Map.of("invoiceNumber", invoice.number(), "amount", "20.00"))),
                JsonNode.class);
        assertThat(part.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(request("collector", customer, "UNCOLLECTABLE", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        cases.settle();
        Task approval = approvalTask(customer);
        claim(approval, "mila");
        as("mila").postForEntity(engineTask(approval) + "/complete", approve(), Void.class);
        cases.settle();
        InvoiceView after = invoices.get(invoice.id());
        assertThat(after.openAmount().amount()).isEqualByComparingTo("30.00");
        assertThat(after.status().isOpen()).isTrue();
    }

    private ResponseEntity<JsonNode> request(String user, CustomerView customer, String reason, String note) {
        Map<String, Object> body = note == null ? Map.of("reason", reason) : Map.of("reason", reason, "note", note);
        return as(user).postForEntity(requests(customer), body, JsonNode.class);
    }

    private static String requests(CustomerView customer) {
        return "/api/customers/" + customer.id() + "/write-off-requests";
    }

    private WriteOffView writeOff(ResponseEntity<JsonNode> created) {
        return as("fiona").getForEntity("/api/write-offs/" + created.getBody().path("id").asText(), WriteOffView.class)
                .getBody();
    }

    private Task approvalTask(CustomerView customer) {
        Task task = tasks.createTaskQuery().processVariableValueEquals("customerId", customer.id().toString())
                .taskDefinitionKey(WriteOffProcess.TASK_APPROVE_WRITE_OFF).singleResult();
        assertThat(task).as("an open write-off approval").isNotNull();
        return task;
    }

    private void claim(Task task, String user) {
        assertThat(as(user).postForEntity(engineTask(task) + "/claim", Map.of("userId", user), Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static Map<String, Object> approve() {
        return Map.of("variables", Map.of("writeOffDecision", Map.of("value", "APPROVE")));
    }

    private static String engineTask(Task task) {
        return "/engine-rest/task/" + task.getId();
    }
}
