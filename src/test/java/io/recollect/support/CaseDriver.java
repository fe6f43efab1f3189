package io.recollect.support;

import static org.awaitility.Awaitility.await;

import io.recollect.accounts.AccountService;
import io.recollect.accounts.TimelineEntry;
import io.recollect.accounts.TimelineService;
import io.recollect.cases.CollectionRunService;
import io.recollect.customers.AccountSchedule;
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
    private final CollectionRunService runs;
    private final AccountSchedule schedule;
    private final java.time.Clock clock;

    CaseDriver(RuntimeService runtime, TaskService tasks, ManagementService management, AccountService accounts,
            TimelineService timeline, JdbcTemplate jdbc, CollectionRunService runs, AccountSchedule schedule,
            java.time.Clock clock) {
        this.runs = runs;
        this.schedule = schedule;
        this.clock = clock;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.accounts = accounts;
        this.timeline = timeline;
        this.jdbc = jdbc;
    }

    /**
     * What the job executor, the event listeners and a minute of every node's tick would have
     * done by now: a collection run when accounts are due, changes decided, case work carried
     * out, emails sent, due jobs run, until nothing is left.
     */
    public void settle() {
        JobDriver jobs = new JobDriver(management);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            jobs.runDueJobs();
            if (schedule.countDue(clock.instant()) > 0) {
                runs.start("test");
                jobs.runDueJobs();
            }
            runs.decideChanges();
            jobs.runDueJobs();
            return undeliveredEvents() == 0 && management.createJobQuery().executable().count() == 0
                    && schedule.countDue(clock.instant()) == 0 && dispatchableWork() == 0 && queuedEmails() == 0;
        });
    }

    /** Runs today's collection run the way the scheduler does (once per day), and lets it finish. */
    public void runDaily() {
        runs.startDailyIfDue();
        settle();
    }

    public ProcessInstance caseProcess(CustomerView customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("collection-case")
                .variableValueEquals("customerId", customer.id().toString()).active().singleResult();
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

    private int dispatchableWork() {
        return jdbc.queryForObject("select count(*) from case_work where status = 'PENDING'"
                + " and (next_attempt_at is null or next_attempt_at <= ?)", Integer.class,
                clock.instant().atOffset(java.time.ZoneOffset.UTC));
    }

    private int queuedEmails() {
        return jdbc.queryForObject("select count(*) from communications where status = 'QUEUED' and channel = 'EMAIL'"
                + " and (next_attempt_at is null or next_attempt_at <= ?)", Integer.class,
                clock.instant().atOffset(java.time.ZoneOffset.UTC));
    }

    private int undeliveredEvents() {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Integer.class);
    }
}
