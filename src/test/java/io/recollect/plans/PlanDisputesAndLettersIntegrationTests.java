package io.recollect.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.cases.DisputeService;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.NewCustomer;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import io.recollect.invoicing.OpenItem;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import io.recollect.support.TestFixtures;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a plan says to the customer (in their language, and when it ends) and what it does with
 * disputed invoices: left out of a new plan; a dispute on a planned invoice excuses the
 * instalments whose grace ends meanwhile instead of counting them missed.
 */
class PlanDisputesAndLettersIntegrationTests extends IntegrationTest {

    @Autowired
    PlanService plans;
    @Autowired
    CustomerService customers;
    @Autowired
    DisputeService disputes;
    @Autowired
    InvoiceService invoices;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void aSpanishSpeakingCustomersAgreementIsInSpanish() {
        String ref = TestFixtures.unique("ES");
        CustomerView customer = customers.register(new NewCustomer(ref, "Lucía Pérez", ref.toLowerCase()
                + "@customer.example", "es", Segment.SMALL_BUSINESS, RiskBand.B, "EUR"));
        fixtures.overdueInvoice(customer, "900.00", 5, time.today());
        cases.settle();

        agree(customer, 3);

        assertThat(Mailbox.of(mail, customer.email())).filteredOn(m -> m.subject().startsWith("Su plan de pagos de"))
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("Su plan de pagos de EUR 900.00");
                    assertThat(m.body()).contains("Estimado/a Lucía Pérez", "Vencimiento", "EUR 300.00",
                            time.today().plusDays(10).toString()).doesNotContain("Dear", "Due date");
                });
    }

    @Test
    void aBrokenPlanTellsTheCustomerWhatIsDueAgain() {
        CustomerView customer = overdue("1200.00");
        agree(customer, 3);
        time.advanceDays(17);
        cases.settle();
        time.advanceDays(30);
        cases.settle();

        assertThat(plans.forCustomer(customer.id()).get(0).status()).isEqualTo(PlanStatus.BROKEN);
        assertThat(Mailbox.of(mail, customer.email())).filteredOn(m -> m.subject().contains("has ended"))
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("Your payment plan for EUR 1,200.00 has ended");
                    assertThat(m.body()).contains("2 instalment(s)", "EUR 1,200.00 of what it covered is still open");
                });
    }

    @Test
    void aDisputedInvoiceIsLeftOutOfANewPlan() {
        CustomerView customer = overdue("600.00");
        InvoiceView disputed = fixtures.overdueInvoice(customer, "400.00", 8, time.today());
        cases.settle();
        disputes.raise(disputed.id(), "Never delivered", "collector");
        cases.settle();

        JsonNode preview = as("collector").postForEntity(plansOf(customer) + "/preview", Map.of("instalments", 2,
                "frequency", "MONTHLY", "firstDueDate", time.today().plusDays(10).toString()), JsonNode.class).getBody();
        agree(customer, 2);

        assertThat(preview.path("balance").path("amount").decimalValue()).isEqualByComparingTo("600.00");
        PlanView plan = plans.openPlan(customer.id()).orElseThrow();
        assertThat(plan.balance().amount()).isEqualByComparingTo("600.00");
        assertThat(plan.instalments()).extracting(i -> i.amount().amount().toPlainString())
                .containsExactly("300.00", "300.00");
    }

    @Test
    void aDisputeOnAPlannedInvoiceExcusesTheInstalmentInsteadOfCountingItMissed() {
        CustomerView customer = overdue("1200.00");
        agree(customer, 3);
        disputes.raise(overdueInvoice(customer), "The amount is wrong", "collector");
        cases.settle();

        time.advanceDays(17);
        cases.settle();

        PlanView plan = plans.openPlan(customer.id()).orElseThrow();
        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.missed()).isZero();
        assertThat(plan.instalments()).extracting(InstalmentView::state)
                .containsExactly(InstalmentState.EXCUSED, InstalmentState.UPCOMING, InstalmentState.UPCOMING);
        assertThat(Mailbox.of(mail, customer.email())).noneMatch(m -> m.subject().startsWith("Your instalment"));
    }

    /** The customer's overdue invoice, which the plan covers. */
    private UUID overdueInvoice(CustomerView customer) {
        return invoices.openItems(customer.id()).stream().filter(OpenItem::overdue).findFirst().orElseThrow()
                .invoiceId();
    }

    private CustomerView overdue(String amount) {
        CustomerView customer = fixtures.customer(Segment.SMALL_BUSINESS, RiskBand.B);
        fixtures.overdueInvoice(customer, amount, 5, time.today());
        cases.settle();
        return customer;
    }

    /** Starts a plan by the API and agrees monthly instalments, the first due in 10 days, on its task. */
    private void agree(CustomerView customer, int instalments) {
        assertThat(as("collector").postForEntity(plansOf(customer), null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        cases.settle();
        Task negotiate = tasks.createTaskQuery().processVariableValueEquals("customerId", customer.id().toString())
                .taskDefinitionKey(HardshipPlanProcess.TASK_NEGOTIATE_PLAN).singleResult();
        String task = "/engine-rest/task/" + negotiate.getId();
        as("collector").postForEntity(task + "/claim", Map.of("userId", "collector"), Void.class);
        Map<String, Object> variables = new HashMap<>();
        variables.put("instalmentCount", Map.of("value", instalments));
        variables.put("frequency", Map.of("value", "MONTHLY"));
        variables.put("firstDueDate", Map.of("value", time.today().plusDays(10).toString()));
        ResponseEntity<String> done = as("collector").postForEntity(task + "/complete", Map.of("variables", variables),
                String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        cases.settle();
        assertThat(plans.openPlan(customer.id()).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
    }

    private static String plansOf(CustomerView customer) {
        return "/api/customers/" + customer.id() + "/payment-plans";
    }
}
