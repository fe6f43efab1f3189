package io.recollect.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Issue 12: offering a plan used to record a note only ({@code activePlan} was always false), so the
 * same "Decide on a payment plan" task came back every 14 days. On main this failed with
 * {@code Expecting empty but was: ["Task_DecidePlan"]}.
 */
class PlanRegressionIntegrationTests extends IntegrationTest {

    @Autowired
    TaskService tasks;

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void noPlanTaskComesBackWhileThePlanRuns() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "900.00", 5, time.today());
        cases.settle();
        assertThat(as("collector").exchange("/api/customers/" + customer.id() + "/hardship", HttpMethod.PUT,
                new HttpEntity<>(Map.of("hardship", true, "note", "Lost their job")), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        cases.settle();
        Task planTask = cases.openTask(customer);
        assertThat(planTask).isNotNull();

        // The table offers a plan: a collector negotiates it, within policy, so it runs at once.
        assertThat(planTask.getTaskDefinitionKey()).isEqualTo(HardshipPlanProcess.TASK_NEGOTIATE_PLAN);
        tasks.claim(planTask.getId(), "collector");
        tasks.complete(planTask.getId(), Map.of("instalmentCount", 3L, "frequency", "MONTHLY",
                "firstDueDate", time.today().plusDays(20).toString()));
        cases.settle();

        time.advanceDays(15);
        cases.settle();

        assertThat(tasks.createTaskQuery().processVariableValueEquals("customerId", customer.id().toString()).list())
                .as("tasks about the customer while the offered plan runs")
                .extracting(Task::getTaskDefinitionKey).isEmpty();
    }
}
