package io.recollect.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.accounts.AccountService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.rules.CollectionAction;
import io.recollect.rules.DecisionRecordView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Hardship plans end to end, through the API and the tasks as people would work them: negotiated,
 * checked by the hardship-policy table, approved, watched instalment by instalment.
 */
class PlanProcessIntegrationTests extends IntegrationTest {

    @Autowired
    TaskService tasks;
    @Autowired
    PlanService plans;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("mila", PASSWORD, "Mila", "Manager", "mila@test.example", List.of(Roles.MANAGERS));
        identity.ensureUser("mara", PASSWORD, "Mara", "Manager", "mara@test.example",
                List.of(Roles.MANAGERS, Roles.COLLECTORS));
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void planWithinPolicyIsApprovedAutomaticallyAndTheCustomerGetsTheSchedule() {
        CustomerView customer = overdueAccount(Segment.SMALL_BUSINESS, RiskBand.B, "1000.00");
        ResponseEntity<PlanView> started = start(customer, "collector");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(start(customer, "collector").getStatusCode()).as("the same plan again").isEqualTo(HttpStatus.OK);
        assertThat(as("fiona").postForEntity(plansOf(customer), null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        String preview = as("collector").postForEntity(plansOf(customer) + "/preview", Map.of("downPayment", "100.00",
                "instalments", 3, "frequency", "MONTHLY", "firstDueDate", time.today().plusDays(10).toString()),
                String.class).getBody();
        assertThat(preview).contains("{\"seq\":0,\"dueDate\":\"" + time.today() + "\",\"amount\":{\"amount\":100.00,",
                "{\"seq\":3,\"dueDate\":\"" + time.today().plusDays(10).plusMonths(2)
                        + "\",\"amount\":{\"amount\":300.00,", "\"decision\":\"APPROVE\"");

        negotiate(customer, "collector", "100.00", 3, 10, null);

        PlanView plan = plans.openPlan(customer.id()).orElseThrow();
        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.negotiatedBy()).isEqualTo("collector");
        assertThat(plan.approvedBy()).isNull();
        assertThat(cases.openTask(customer)).isNull();
        assertThat(Mailbox.of(mail, customer.email())).filteredOn(m -> m.subject().startsWith("Your payment plan"))
                .singleElement().satisfies(m -> assertThat(m.body()).contains("EUR 100.00", "EUR 300.00",
                        time.today().plusDays(10).toString()));
        assertThat(accounts.account(customer.id()).paymentPlans()).singleElement()
                .satisfies(p -> assertThat(p.instalments()).hasSize(4));
        time.advanceDays(1);
        cases.settle();
        DecisionRecordView held = cases.lastDecision(customer);
        assertThat(held.action()).isEqualTo(CollectionAction.HOLD);
        assertThat(held.reason()).isEqualTo("A payment plan is running");
        assertThat(held.inputs()).contains("\"activePlan\":true");
        assertThat(kinds(customer)).contains("PLAN_OFFERED", "PLAN_ACTIVE");
    }

    @Test
    void planOutOfPolicyIsApprovedByAManagerButNeverByItsNegotiator() {
        CustomerView customer = overdueAccount(Segment.CONSUMER, RiskBand.D, "800.00");
        start(customer, "mara");
        negotiate(customer, "mara", null, 4, 10, null);
        Task approval = cases.openTask(customer);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo(HardshipPlanProcess.TASK_APPROVE_PLAN);
        // Tasklist says whom the approval is about, as it does for a case's tasks
        assertThat(approval.getName()).contains(customer.name(), customer.externalRef(), "EUR 800.00 overdue");
        assertThat(plans.openPlan(customer.id()).orElseThrow().status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);

        // Whichever way the task is completed: here straight through the engine, past the HTTP guard.
        tasks.claim(approval.getId(), "mara");
        assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of("approvalDecision", "APPROVE")))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("mara negotiated this plan");
        ResponseEntity<JsonNode> viaRest = as("mara").postForEntity("/engine-rest/task/" + approval.getId() + "/complete",
                Map.of("variables", Map.of("approvalDecision", Map.of("value", "APPROVE"))), JsonNode.class);
        assertThat(viaRest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(plans.openPlan(customer.id()).orElseThrow().status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);

        tasks.setAssignee(approval.getId(), null);
        tasks.claim(approval.getId(), "mila");
        tasks.complete(approval.getId(), Map.of("approvalDecision", "APPROVE", "approvalNote", "Fine"));
        cases.settle();

        PlanView plan = plans.openPlan(customer.id()).orElseThrow();
        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.approvedBy()).isEqualTo("mila");
        assertThat(plan.policyReason()).contains("High-risk account");
    }

    @Test
    void planOutsideWhatMayBeOfferedIsRefusedWithAReasonForTheCustomer() {
        CustomerView customer = overdueAccount(Segment.PATIENT, RiskBand.B, "1200.00");
        start(customer, "collector");

        negotiate(customer, "collector", null, 6, 10, "2000.00");

        assertThat(plans.openPlan(customer.id())).isEmpty();
        PlanView refused = plans.forCustomer(customer.id()).get(0);
        assertThat(refused.status()).isEqualTo(PlanStatus.REFUSED);
        assertThat(refused.policyReason()).contains("at most 4% of your monthly household income");
        assertThat(cases.openTask(customer)).isNull();
        assertThat(cases.timeline(customer)).filteredOn(e -> e.kind().equals("PLAN_REFUSED")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("4%"));
    }

    @Test
    void instalmentMissedThenPaidWithinGraceKeepsThePlanRunning() {
        CustomerView customer = runningPlan("1200.00", 3);
        time.advanceDays(11);
        cases.settle();
        assertThat(Mailbox.of(mail, customer.email())).filteredOn(m -> m.subject().startsWith("Your instalment"))
                .singleElement().satisfies(m -> assertThat(m.body()).contains("EUR 400.00"));

        fixtures.pay(customer, "400.00", time.today());
        cases.settle();
        time.advanceDays(6);
        cases.settle();

        PlanView plan = plans.openPlan(customer.id()).orElseThrow();
        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.missed()).isZero();
        assertThat(plan.instalments()).extracting(InstalmentView::state)
                .containsExactly(InstalmentState.PAID, InstalmentState.UPCOMING, InstalmentState.UPCOMING);
    }

    @Test
    void planBrokenAtTheSecondMissReturnsToTheCaseAndDunningResumes() {
        CustomerView customer = runningPlan("1200.00", 3);
        time.advanceDays(17);
        cases.settle();
        assertThat(plans.openPlan(customer.id()).orElseThrow().missed()).isEqualTo(1);
        time.advanceDays(30);
        cases.settle();

        PlanView broken = plans.forCustomer(customer.id()).get(0);
        assertThat(broken.status()).isEqualTo(PlanStatus.BROKEN);
        assertThat(broken.missed()).isEqualTo(2);
        DecisionRecordView resumed = cases.lastDecision(customer);
        assertThat(resumed.inputs()).contains("\"brokenPlans\":1", "\"activePlan\":false");
        assertThat(resumed.action()).isEqualTo(CollectionAction.REMIND);
        assertThat(Mailbox.dunning(mail, customer.email())).filteredOn(m -> m.subject().startsWith("Reminder"))
                .singleElement().satisfies(m -> assertThat(m.body()).contains("EUR 1,200.00"));
        assertThat(kinds(customer)).contains("PLAN_BROKEN");
    }

    @Test
    void planCompletedWhenEverythingIsPaidAndTheCaseCloses() {
        CustomerView customer = runningPlan("1200.00", 2);
        time.advanceDays(9);
        fixtures.pay(customer, "600.00", time.today());
        cases.settle();
        assertThat(plans.openPlan(customer.id()).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
        time.advanceDays(30);
        fixtures.pay(customer, "600.00", time.today());
        cases.settle();

        PlanView done = plans.forCustomer(customer.id()).get(0);
        assertThat(done.status()).isEqualTo(PlanStatus.COMPLETED);
        assertThat(done.paid().amount()).isEqualByComparingTo("1200.00");
        assertThat(accounts.account(customer.id()).openCase()).isNull();
        assertThat(cases.caseProcess(customer)).isNull();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(HardshipPlanProcess.KEY).count()).isZero();
        assertThat(kinds(customer)).contains("PLAN_COMPLETED", "CASE_CLOSED");
    }

    @Test
    void negotiationRefusesTermsThatMakeNoScheduleAndTheTaskStaysOpen() {
        CustomerView customer = overdueAccount(Segment.SMALL_BUSINESS, RiskBand.B, "300.00");
        start(customer, "collector");
        Task negotiate = cases.openTask(customer);
        tasks.claim(negotiate.getId(), "collector");

        ResponseEntity<JsonNode> tooMuchDown = as("collector").postForEntity("/engine-rest/task/" + negotiate.getId()
                + "/complete", Map.of("variables", Map.of("downPayment", Map.of("value", 300.0),
                "instalmentCount", Map.of("value", 2), "frequency", Map.of("value", "MONTHLY"),
                "firstDueDate", Map.of("value", time.today().plusDays(10).toString()))), JsonNode.class);
        ResponseEntity<JsonNode> preview = as("collector").postForEntity(plansOf(customer) + "/preview",
                Map.of("instalments", 2, "frequency", "YEARLY", "firstDueDate", time.today().plusDays(10).toString()),
                JsonNode.class);

        assertThat(tooMuchDown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMuchDown.getBody().path("detail").asText()).contains("less than the balance of EUR 300.00");
        assertThat(cases.openTask(customer).getId()).isEqualTo(negotiate.getId());
        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** A customer whose plan of {@code instalments} monthly instalments, the first due in 10 days, runs. */
    private CustomerView runningPlan(String amount, int instalments) {
        CustomerView customer = overdueAccount(Segment.SMALL_BUSINESS, RiskBand.B, amount);
        start(customer, "collector");
        negotiate(customer, "collector", null, instalments, 10, null);
        assertThat(plans.openPlan(customer.id()).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
        return customer;
    }

    private CustomerView overdueAccount(Segment segment, RiskBand band, String amount) {
        CustomerView customer = fixtures.customer(segment, band);
        fixtures.overdueInvoice(customer, amount, 5, time.today());
        cases.settle();
        return customer;
    }

    private ResponseEntity<PlanView> start(CustomerView customer, String user) {
        ResponseEntity<PlanView> response = as(user).postForEntity(plansOf(customer), null, PlanView.class);
        cases.settle();
        return response;
    }

    /** The negotiator claims and completes the negotiate task over the engine's REST API, as Tasklist does. */
    private void negotiate(CustomerView customer, String user, String downPayment, int instalments, int firstDueInDays,
            String monthlyIncome) {
        Task negotiate = cases.openTask(customer);
        assertThat(negotiate.getTaskDefinitionKey()).isEqualTo(HardshipPlanProcess.TASK_NEGOTIATE_PLAN);
        String task = "/engine-rest/task/" + negotiate.getId();
        assertThat(as(user).postForEntity(task + "/claim", Map.of("userId", user), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> variables = new HashMap<>();
        variables.put("instalmentCount", Map.of("value", instalments));
        variables.put("frequency", Map.of("value", "MONTHLY"));
        variables.put("firstDueDate", Map.of("value", time.today().plusDays(firstDueInDays).toString()));
        if (downPayment != null) {
            variables.put("downPayment", Map.of("value", Double.parseDouble(downPayment)));
        }
        if (monthlyIncome != null) {
            variables.put("monthlyIncome", Map.of("value", Double.parseDouble(monthlyIncome)));
        }
        ResponseEntity<String> completed = as(user).postForEntity(task + "/complete", Map.of("variables", variables),
                String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        cases.settle();
    }

    private static String plansOf(CustomerView customer) {
        return "/api/customers/" + customer.id() + "/payment-plans";
    }
}
