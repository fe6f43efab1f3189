package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recollect.accounts.TimelineEntry;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceService;
import io.recollect.payments.PaymentRecorded;
import io.recollect.payments.PaymentView;
import io.recollect.rules.CollectionAction;
import io.recollect.rules.DecisionRecordView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account as the unit of work: what the old per-invoice timers and case messages lost or
 * counted twice, as scenarios in business time through the services and the API.
 */
class CollectionRunProcessTests extends IntegrationTest {

    @Autowired
    PromiseService promises;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    InvoiceService invoices;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void anOpenContactTaskNeverStopsTheAccountBeingDecidedOnSchedule() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Task contact = cases.openTask(customer);
        int decisionsWhenEscalated = cases.decisions(customer).size();

        // Nobody works the task for 130 days; the run goes on every morning regardless.
        for (int day = 0; day < 130; day += 10) {
            time.advanceDays(10);
            cases.settle();
        }

        assertThat(cases.decisions(customer).size()).isGreaterThan(decisionsWhenEscalated + 10);
        assertThat(cases.decisions(customer)).extracting(DecisionRecordView::action).contains(CollectionAction.AGENCY);
        assertThat(Mailbox.dunning(mail, customer.email())).extracting(Mailbox.Received::subject)
                .anySatisfy(subject -> assertThat(subject).containsIgnoringCase("agency"));
        // The task passed its SLA two days in: raised and offered to managers too.
        assertThat(kinds(customer)).contains("TASK_ESCALATED");
        assertThat(tasks.createTaskQuery().taskId(contact.getId()).count()).isZero();
    }

    @Test
    void tasksOpenedTogetherEachNameTheirOwnCustomerAndOpenInvoices() {
        // Two accounts escalate on the same morning, so one dispatch chunk opens both tasks and
        // reads their headline facts together.
        CustomerView first = fixtures.customer(Segment.ENTERPRISE, RiskBand.A);
        fixtures.overdueInvoice(first, "500.00", 3, time.today());
        fixtures.overdueInvoice(first, "120.00", 1, time.today());
        CustomerView second = fixtures.customer(Segment.ENTERPRISE, RiskBand.A);
        fixtures.overdueInvoice(second, "75.00", 2, time.today());
        cases.settle();
        time.advanceDays(7);
        cases.settle();

        for (CustomerView customer : List.of(first, second)) {
            Task task = cases.openTask(customer);
            var open = invoices.openItems(customer.id());
            var overdue = open.stream().filter(io.recollect.invoicing.OpenItem::overdue)
                    .map(io.recollect.invoicing.OpenItem::openAmount).reduce(io.recollect.shared.Money::plus).orElseThrow();
            assertThat(task.getName()).contains(customer.name()).contains(customer.externalRef())
                    .contains(overdue.display() + " overdue");
            assertThat(tasks.getVariableLocal(task.getId(), TaskHeadlines.VAR_OVERDUE_AMOUNT)).isEqualTo(overdue.display());
            assertThat(tasks.getVariableLocal(task.getId(), TaskHeadlines.VAR_CUSTOMER_NAME)).isEqualTo(customer.name());
            assertThat((String) tasks.getVariableLocal(task.getId(), TaskHeadlines.VAR_OPEN_INVOICES))
                    .startsWith(open.get(0).number() + " ").contains(open.get(open.size() - 1).number());
            assertThat(task.getDescription()).contains(open.size() + " open invoice(s)");
        }
    }

    @Test
    void aCaseProcessStoresOnlyItsCustomerAndEachTaskIsOfferedAsItsDecisionAsked() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Task first = cases.openTask(customer);
        String process = first.getProcessInstanceId();
        assertOfferedAsDecided(first);
        assertThat(runtime.getVariablesLocal(process)).containsOnlyKeys(CollectionCaseProcess.VAR_CUSTOMER_ID);

        Task second = nextContactTask(customer, first);

        assertThat(second.getProcessInstanceId()).isEqualTo(process);
        assertOfferedAsDecided(second);
        // What the collector recorded stays; what the decision asked of the task is not stored.
        assertThat(runtime.getVariablesLocal(process)).containsKey(CollectionCaseProcess.VAR_CUSTOMER_ID)
                .doesNotContainKeys(CollectionCaseProcess.VAR_WORK, CollectionCaseProcess.VAR_CANDIDATE_GROUP,
                        CollectionCaseProcess.VAR_TASK_PRIORITY, CollectionCaseProcess.VAR_TASK_DUE_DATE);
    }

    @Test
    void aCaseProcessStartedWithStoredTaskTermsIsGivenItsNextTaskToo() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Task first = cases.openTask(customer);
        // As a process started by an earlier release carries them: the engine refuses transient values in their place.
        runtime.setVariables(first.getProcessInstanceId(), Map.of(CollectionCaseProcess.VAR_WORK, "CONTACT",
                CollectionCaseProcess.VAR_CANDIDATE_GROUP, "collectors", CollectionCaseProcess.VAR_TASK_PRIORITY, 1,
                CollectionCaseProcess.VAR_TASK_DUE_DATE, first.getDueDate()));

        Task second = nextContactTask(customer, first);

        assertThat(second.getProcessInstanceId()).isEqualTo(first.getProcessInstanceId());
        assertOfferedAsDecided(second);
    }

    /** The contact task the case is given after the collector could not reach the customer on the first. */
    private Task nextContactTask(CustomerView customer, Task first) {
        String caseId = cases.caseProcess(customer).getBusinessKey();
        cases.complete(customer, "collector", Map.of(CollectionCaseProcess.VAR_CONTACT_OUTCOME, "NO_CONTACT",
                CollectionCaseProcess.VAR_CONTACT_NOTE, "No answer"));
        for (int day = 0; day < 60 && tasks.createTaskQuery().processInstanceBusinessKey(caseId).count() == 0; day++) {
            time.advanceDays(1);
            cases.settle();
        }
        assertThat(jdbc.queryForObject("select count(*) from case_work where case_id = ?::uuid and attempts > 0",
                Long.class, caseId)).as("case work that failed").isZero();
        Task next = cases.openTask(customer);
        assertThat(next.getId()).isNotEqualTo(first.getId());
        return next;
    }

    /** Priority, due date and group of a task are those of the case work that opened it. */
    private void assertOfferedAsDecided(Task task) {
        String caseId = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        record Asked(int priority, Timestamp dueAt, String candidateGroup) {
        }
        Asked asked = jdbc.queryForObject("select priority, due_at, candidate_group from case_work"
                + " where case_id = ?::uuid order by created_at desc, id limit 1", (row, n) -> new Asked(
                        row.getInt(1), row.getTimestamp(2), row.getString(3)), caseId);
        assertThat(task.getPriority()).isEqualTo(asked.priority());
        assertThat(Duration.between(task.getDueDate().toInstant(), asked.dueAt().toInstant()).abs())
                .isLessThan(Duration.ofSeconds(1));
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).isEqualTo(asked.candidateGroup()));
    }

    @Test
    void caseWorkDoneInsideAJobHasItsTasksCommittedWithIt() throws Exception {
        List<CustomerView> decided = decidedButNotDispatched(2);
        CustomerView first = decided.get(0);
        CustomerView second = decided.get(1);
        String ofThem = " from case_work where kind = 'CONTACT' and customer_id in ('" + first.id() + "', '" + second.id() + "')";
        assertThat(jdbc.queryForObject("select count(*)" + ofThem + " and status = 'PENDING'", Long.class)).isEqualTo(2);

        // Inside an engine command, as the run's dispatch step runs in its job: what another
        // connection sees while the job is still running is what a node killed then leaves behind.
        long[] seen = engine.getCommandExecutorTxRequired().execute(commandContext -> {
            runtime.createProcessInstanceQuery().count(); // the job's command has read its job by now
            dispatcher.dispatch(10, opened -> { });
            return new long[] {outside("select count(*)" + ofThem + " and status = 'DONE'"),
                    outside("select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_"
                            + " where p.business_key_ in (select cast(case_id as varchar(36))" + ofThem + ")")};
        });

        assertThat(seen[0]).as("case work done").isEqualTo(2);
        assertThat(seen[1]).as("tasks committed with it").isEqualTo(2);
    }

    @Test
    void twoPiecesOfOneCaseInOneChunkOpenOneProcessAndOneTask() {
        CustomerView customer = decidedButNotDispatched(1).get(0);
        // The same work once more before any dispatch, as a piece retried beside a newer decision: one chunk holds both.
        transaction.executeWithoutResult(status -> jdbc.query("select case_id, decision_id, candidate_group, priority,"
                + " due_at from case_work where status = 'PENDING' and customer_id = '" + customer.id() + "'",
                (java.sql.ResultSet row) -> {
                    caseWork.add(row.getObject(1, UUID.class), customer.id(), row.getObject(2, UUID.class),
                            CaseWorkKind.CONTACT, row.getString(3), row.getInt(4), row.getTimestamp(5).toInstant());
                }));
        assertThat(jdbc.queryForObject("select count(*) from case_work where status = 'PENDING' and customer_id = '"
                + customer.id() + "'", Long.class)).isEqualTo(2);

        dispatcher.dispatch(10, opened -> { });

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CollectionCaseProcess.KEY)
                .variableValueEquals(CollectionCaseProcess.VAR_CUSTOMER_ID, customer.id().toString()).count())
                .isEqualTo(1);
        assertThat(cases.openTask(customer)).isNotNull();
    }

    @Test
    void tasksOpenedByADispatchJobThatThenFailsStayAndCountToTheRun() {
        List<CustomerView> decided = decidedButNotDispatched(2);
        CustomerView first = decided.get(0);
        CustomerView second = decided.get(1);
        UUID run = runs.start("test");

        // The dispatch step's job, failing at its end as one that loses an optimistic lock does.
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(commandContext -> {
            runtime.createProcessInstanceQuery().count();
            runs.dispatchCaseWorkBatch(run);
            throw new IllegalStateException("the job failed after its chunks");
        })).hasMessageContaining("the job failed");

        assertThat(cases.openTask(first)).isNotNull();
        assertThat(cases.openTask(second)).isNotNull();
        assertThat(runs.status(run).tasksCreated()).isEqualTo(2);
    }

    /**
     * Enterprise accounts (500.00 three days overdue, then 75.00 two days) a week on, decided to
     * need a contact task but not dispatched: their work waits in case_work.
     */
    private List<CustomerView> decidedButNotDispatched(int accounts) {
        List<String> amounts = List.of("500.00", "75.00");
        List<CustomerView> customers = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            CustomerView customer = fixtures.customer(Segment.ENTERPRISE, RiskBand.A);
            fixtures.overdueInvoice(customer, amounts.get(i), 3 - i, time.today());
            customers.add(customer);
        }
        cases.settle();
        time.advanceDays(7);
        transaction.executeWithoutResult(status -> decider.decide(customers.stream().map(CustomerView::id).toList()));
        return customers;
    }

    /** A count read on a connection of its own, outside any transaction of this thread. */
    private long outside(String sql) {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void contactTaskPastItsSlaIsRaisedAndOfferedToManagers() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Task contact = cases.openTask(customer);

        time.advanceDays(3);
        cases.settle();

        Task raised = tasks.createTaskQuery().taskId(contact.getId()).singleResult();
        assertThat(raised.getPriority()).isGreaterThan(contact.getPriority());
        assertThat(tasks.getIdentityLinksForTask(raised.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).isEqualTo("collection-managers"));
    }

    @Test
    void aPaymentEventDeliveredTwiceCountsOnceTowardsAPromise() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "300.00", 4, time.today());
        cases.settle();
        promises.record(customer.id(), time.today().plusDays(5), new BigDecimal("300.00"), "collector");
        cases.settle();

        time.advanceDays(1);
        PaymentView payment = fixtures.pay(customer, "150.00", time.today());
        cases.settle();
        // The same event again, as a redelivery after a crash would bring it.
        transaction.executeWithoutResult(status -> publisher.publishEvent(new PaymentRecorded(payment.id(),
                customer.id(), io.recollect.shared.Money.of(new BigDecimal("150.00"),
                        java.util.Currency.getInstance("EUR")), time.today())));
        cases.settle();

        assertThat(kinds(customer)).doesNotContain("PROMISE_KEPT");
        assertThat(promises.open(customer.id())).hasSize(1);
    }

    @Test
    void backDatedInvoiceIssuedAfterTheDecisionIsCounted() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "45.08", 5, time.today());
        cases.settle();

        // A second, older invoice arrives later the same morning (an import, a late posting).
        fixtures.overdueInvoice(customer, "126.46", 40, time.today());
        cases.settle();

        assertThat(cases.lastDecision(customer).inputs()).contains("\"overdueAmount\":171.54")
                .contains("\"daysPastDue\":40");
    }

    @Test
    void dayCountsAreCalendarDaysInTheBusinessZone() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "50.00", 40, time.today());
        fixtures.overdueInvoice(customer, "300.00", 5, time.today());
        cases.settle();

        // Ten calendar days later, but two hours short of ten times 24 hours, a payment comes in.
        time.advance(java.time.Duration.ofDays(10).minusHours(2));
        fixtures.pay(customer, "10.00", time.today());
        cases.settle();

        assertThat(cases.lastDecision(customer).inputs()).contains("\"daysSinceLastAction\":10");
    }

    @Test
    void paymentCommittedWhileTheAccountIsBeingDecidedIsNotLost() throws Exception {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "89.90", 5, time.today());

        // The run holds the account while it decides; the payment commits in between.
        java.util.concurrent.CountDownLatch claimed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<PaymentView> paying = new java.util.concurrent.CompletableFuture<>();
        Thread payer = new Thread(() -> {
            try {
                claimed.await();
                paying.complete(fixtures.pay(customer, "89.90", time.today()));
            } catch (Throwable e) {
                paying.completeExceptionally(e);
            }
        });
        payer.start();
        transaction.executeWithoutResult(status -> {
            jdbcLock(customer);
            claimed.countDown();
            decider.decide(List.of(customer.id()));
        });
        paying.get(30, java.util.concurrent.TimeUnit.SECONDS);
        cases.settle();

        assertThat(caseService.openCase(customer.id())).isEmpty();
    }

    @Test
    void settledAccountClosesItsCaseEvenFromTheAgencyHandover() {
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(customer, "130.00", 130, time.today());
        cases.settle();
        assertThat(cases.caseProcess(customer)).isWaitingAt(CollectionCaseProcess.TASK_HAND_OVER_TO_AGENCY);

        fixtures.pay(customer, "130.00", time.today());
        cases.settle();

        assertThat(caseService.openCase(customer.id())).isEmpty();
        assertThat(cases.openTask(customer)).isNull();
        assertThat(cases.caseProcess(customer)).isNull();
    }

    @Test
    void operatorStartsARunAndReadsItsCounts() {
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(customer, "130.00", 130, time.today());
        CustomerView other = fixtures.customer();
        fixtures.overdueInvoice(other, "20.00", 3, time.today());

        var started = as("manager").postForEntity("/api/collection-runs", null, CollectionRunView.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().accountsDue()).isGreaterThanOrEqualTo(2);
        cases.settle();

        CollectionRunView run = as("manager").getForObject(started.getHeaders().getLocation(), CollectionRunView.class);
        assertThat(run.status()).isEqualTo("FINISHED");
        assertThat(run.decided()).isGreaterThanOrEqualTo(2);
        assertThat(run.emailsQueued()).isGreaterThanOrEqualTo(2);
        assertThat(run.tasksCreated()).isGreaterThanOrEqualTo(1);
        assertThat(run.failedBatches()).isZero();
        assertThat(as("collector").postForEntity("/api/collection-runs", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * The emails go out in jobs of their own (two emails each here) beside the tasks being
     * opened, and each email once: the sending jobs claim with SKIP LOCKED.
     */
    @Test
    void theRunSendsItsEmailsInParallelJobsBesideTheTasksAndEachOnce() {
        List<CustomerView> customers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
            fixtures.overdueInvoice(customer, "40.00", 20, time.today());
            customers.add(customer);
        }
        CustomerView toCall = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(toCall, "130.00", 130, time.today());

        var started = as("manager").postForEntity("/api/collection-runs", null, CollectionRunView.class);
        cases.settle();

        CollectionRunView run = as("manager").getForObject(started.getHeaders().getLocation(), CollectionRunView.class);
        assertThat(run.status()).isEqualTo("FINISHED");
        assertThat(run.emailsQueued()).isGreaterThanOrEqualTo(7);
        assertThat(run.emailsSent()).isEqualTo(run.emailsQueued());
        assertThat(run.tasksCreated()).isGreaterThanOrEqualTo(1);
        String instance = history.createHistoricProcessInstanceQuery().processDefinitionKey("collection-run")
                .processInstanceBusinessKey(started.getBody().id().toString()).singleResult().getId();
        long sendingJobs = history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("Task_SendEmailBatch").count();
        assertThat(sendingJobs).isGreaterThanOrEqualTo(4);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("Task_DispatchCaseWorkBatch").count()).isGreaterThanOrEqualTo(1);
        for (CustomerView customer : customers) {
            assertThat(Mailbox.dunning(mail, customer.email())).hasSize(1);
        }
    }

    @Test
    void onlyManagersAndAdminsStartARunWhateverDoorTheyUse() {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("collector",
                        null, List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_collectors"))));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runs.start("collector"))
                    .isInstanceOf(io.recollect.shared.NotPermittedException.class);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theDailyRunStartsOnceADayWhateverTheNumberOfTicks() {
        time.travelTo(time.today().plusDays(400).atTime(5, 59).toInstant(java.time.ZoneOffset.UTC));
        assertThat(runs.startDailyIfDue()).isEmpty();
        time.advance(java.time.Duration.ofMinutes(2));
        assertThat(runs.startDailyIfDue()).isPresent();
        assertThat(runs.startDailyIfDue()).isEmpty();
    }

    @Autowired
    AccountDecider decider;
    @Autowired
    CollectionCaseService caseService;
    @Autowired
    CollectionRunService runs;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    CaseWorkDispatcher dispatcher;
    @Autowired
    CaseWorkQueue caseWork;
    @Autowired
    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine;
    @Autowired
    javax.sql.DataSource dataSource;

    private void jdbcLock(CustomerView customer) {
        jdbc.queryForList("select id from customers where id = ? for update", customer.id());
    }

}
