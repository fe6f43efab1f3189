package io.recollect.support;

import static org.awaitility.Awaitility.await;

import io.recollect.accounts.AccountService;
import io.recollect.accounts.TimelineEntry;
import io.recollect.accounts.TimelineService;
import io.recollect.customers.CustomerView;
import io.recollect.rules.DecisionRecordView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.TestComponent;

/**
 * Drives and reads a customer's collection case in scenario tests: lets events and due jobs run
 * to quiet, completes tasks as a named user, and reads decisions, emails and the timeline.
 */
@TestComponent
public class CaseDriver {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final AccountService accounts;
    private final TimelineService timeline;
    private final JdbcTemplate jdbc;

    CaseDriver(RuntimeService runtime, TaskService tasks, ManagementService management, AccountService accounts,
            TimelineService timeline, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.accounts = accounts;
        this.timeline = timeline;
        this.jdbc = jdbc;
    }

    /**
     * Runs due jobs until module events are all delivered and no job is due: what the job
     * executor and the event listeners would have done by now.
     */
    public void settle() {
        JobDriver jobs = new JobDriver(management);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            jobs.runDueJobs();
            return undeliveredEvents() == 0 && management.createJobQuery().executable().count() == 0;
        });
    }

    public ProcessInstance caseProcess(CustomerView customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("collection-case")
                .variableValueEquals("customerId", customer.id().toString()).singleResult();
    }

    public Task openTask(CustomerView customer) {
        return tasks.createTaskQuery().processVariableValueEquals("customerId", customer.id().toString())
                .singleResult();
    }

    /** Completes the customer's open task as the given user, with the given form values. */
    public void complete(CustomerView customer, String user, Map<String, Object> form) {
        Task task = openTask(customer);
        tasks.claim(task.getId(), user);
        tasks.complete(task.getId(), form);
        settle();
    }

    public List<DecisionRecordView> decisions(CustomerView customer) {
        return accounts.account(customer.id()).decisions();
    }

    public DecisionRecordView lastDecision(CustomerView customer) {
        List<DecisionRecordView> all = decisions(customer);
        return all.get(all.size() - 1);
    }

    public List<TimelineEntry> timeline(CustomerView customer) {
        return timeline.forCustomer(customer.id());
    }

    private int undeliveredEvents() {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Integer.class);
    }
}
