package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.context.ProcessEngineContext;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.NativeProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out what decisions asked of the collection-case process: start the case's process,
 * hand it the next task, raise a task still open, or end it when nothing is overdue. Work is
 * claimed in chunks, each carried out in one transaction (cases without a process of their own,
 * the bulk of a morning, are started without a query each); a chunk that fails is carried out
 * again one piece per transaction, so a process busy in another transaction fails only its own
 * piece, which is tried again a minute later. Nothing here blocks the run, and every node may
 * dispatch at once: claims skip what another transaction holds.
 */
@Component
class CaseWorkDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CaseWorkDispatcher.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final CaseWorkQueue work;
    private final CollectionCases cases;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final ManagementService management;
    private final TransactionTemplate ownTransaction;
    private final TaskHeadlines.Headline headlines;
    private final NamedParameterJdbcTemplate jdbc;
    private final CommandExecutor engineCommands;
    private final int chunkSize;

    CaseWorkDispatcher(CaseWorkQueue work, CollectionCases cases, RuntimeService runtime, TaskService tasks,
            RepositoryService repository, ManagementService management, PlatformTransactionManager transactions,
            CollectionRunProperties properties, TaskHeadlines.Headline headlines, NamedParameterJdbcTemplate jdbc,
            ProcessEngineConfigurationImpl engine) {
        this.jdbc = jdbc;
        this.engineCommands = engine.getCommandExecutorTxRequired();
        this.headlines = headlines;
        this.repository = repository;
        this.management = management;
        this.work = work;
        this.cases = cases;
        this.runtime = runtime;
        this.tasks = tasks;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.chunkSize = Math.max(1, properties.dispatchChunk());
    }

    /** What one dispatch pass did; a task refreshed while open is done but not created. */
    record Dispatched(int tasksCreated, int done, int failed) {

        Dispatched plus(Dispatched other) {
            return new Dispatched(tasksCreated + other.tasksCreated, done + other.done, failed + other.failed);
        }
    }

    /**
     * Carries out pending work until none is left or {@code limit} pieces were tried, telling
     * {@code tasksOpened} how many tasks each chunk opened inside the chunk's transaction, so a
     * count kept there commits exactly with the tasks.
     */
    Dispatched dispatch(int limit, IntConsumer tasksOpened) {
        Dispatched result = new Dispatched(0, 0, 0);
        int tried = 0;
        CaseWorkQueue.Item last = null;
        while (tried < limit) {
            CaseWorkQueue.Item after = last;
            int size = Math.min(chunkSize, limit - tried);
            List<CaseWorkQueue.Item> attempted = new ArrayList<>(size);
            Dispatched chunk;
            try {
                chunk = ownTransaction.execute(status -> {
                    attempted.addAll(work.claim(size, after));
                    Map<UUID, UUID> caseCustomers = new HashMap<>();
                    attempted.forEach(item -> caseCustomers.put(item.caseId(), item.customerId()));
                    int created = headlines.forCases(caseCustomers, () -> carryOutInRounds(attempted));
                    work.doneAll(attempted.stream().map(CaseWorkQueue.Item::id).toList());
                    tasksOpened.accept(created);
                    return new Dispatched(created, attempted.size(), 0);
                });
            } catch (ProcessEngineException busy) {
                // The chunk rolled back with its claims: each piece again on its own, so only the busy one waits.
                chunk = attempted.size() == 1 ? failed(attempted.get(0), busy) : oneByOne(attempted, tasksOpened);
            }
            result = result.plus(chunk);
            tried += attempted.size();
            last = attempted.isEmpty() ? last : attempted.get(attempted.size() - 1);
            if (attempted.size() < size) {
                break;
            }
        }
        return result;
    }

    /**
     * Runs engine work as one command of its own, inside the chunk's transaction. Called from a
     * job (the run's dispatch step), an engine call would otherwise join the job's command, whose
     * process starts are written only when the whole job ends: after chunks whose work is already
     * marked done had committed, so a job that failed or a node that died lost their tasks.
     */
    private <T> T inOwnCommand(Supplier<T> engineWork) {
        ProcessEngineContext.requiresNew();
        try {
            return engineCommands.execute(commandContext -> engineWork.get());
        } finally {
            ProcessEngineContext.clear();
        }
    }

    private Dispatched oneByOne(List<CaseWorkQueue.Item> pieces, IntConsumer tasksOpened) {
        Dispatched result = new Dispatched(0, 0, 0);
        for (CaseWorkQueue.Item piece : pieces) {
            try {
                Boolean created = ownTransaction.execute(status -> inOwnCommand(() -> work.claim(piece.id())
                        .map(item -> {
                            boolean opened = carryOut(item);
                            work.done(item.id());
                            tasksOpened.accept(opened ? 1 : 0);
                            return opened;
                        }).orElse(null)));
                if (created != null) {
                    result = result.plus(new Dispatched(created ? 1 : 0, 1, 0));
                }
            } catch (ProcessEngineException busy) {
                result = result.plus(failed(piece, busy));
            }
        }
        return result;
    }

    private Dispatched failed(CaseWorkQueue.Item item, ProcessEngineException cause) {
        // The transaction rolled back with its claim; count the attempt outside it.
        recordFailure(item, cause);
        return new Dispatched(0, 0, 1);
    }

    /**
     * Carries out a chunk in the caller's transaction, in rounds of at most one piece per case,
     * each round one engine command; returns how many tasks it opened. The engine writes a
     * command's changes when the command ends and its queries read the database, so a case's
     * later piece goes in a later round, which sees what the earlier one did.
     */
    private int carryOutInRounds(List<CaseWorkQueue.Item> items) {
        int created = 0;
        List<CaseWorkQueue.Item> left = items;
        while (!left.isEmpty()) {
            Set<UUID> inRound = new HashSet<>();
            List<CaseWorkQueue.Item> round = new ArrayList<>();
            List<CaseWorkQueue.Item> later = new ArrayList<>();
            for (CaseWorkQueue.Item item : left) {
                (inRound.add(item.caseId()) ? round : later).add(item);
            }
            created += inOwnCommand(() -> carryOutAll(round));
            left = later;
        }
        return created;
    }

    /**
     * Carries out pieces of different cases; returns how many tasks they opened. What they need
     * to know of their cases (open or not, the running process, its open task and that task's
     * groups) is read for all of them in a fixed number of queries. A case with more than one
     * running process or open task goes the way of {@link #carryOut(CaseWorkQueue.Item)}, which
     * refuses it as it always did.
     */
    private int carryOutAll(List<CaseWorkQueue.Item> items) {
        if (items.isEmpty()) {
            return 0;
        }
        List<UUID> caseIds = items.stream().map(CaseWorkQueue.Item::caseId).distinct().toList();
        Set<UUID> open = new HashSet<>();
        cases.findAllById(caseIds).forEach(c -> {
            if (c.getStatus() == CaseStatus.OPEN) {
                open.add(c.getId());
            }
        });
        Map<String, List<String>> running = running(caseIds);
        Map<String, List<Task>> openTasks = openTasks(running);
        Map<String, Set<String>> groups = candidateGroups(openTasks.values().stream().flatMap(List::stream).toList());
        int created = 0;
        for (CaseWorkQueue.Item item : items) {
            String businessKey = item.caseId().toString();
            List<Task> taskList = openTasks.getOrDefault(businessKey, List.of());
            if (running.getOrDefault(businessKey, List.of()).size() > 1 || taskList.size() > 1) {
                created += carryOut(item) ? 1 : 0;
            } else if (running.containsKey(businessKey)) {
                Task task = taskList.isEmpty() ? null : taskList.get(0);
                created += carryOut(item, open.contains(item.caseId()), task,
                        t -> groups.getOrDefault(t.getId(), Set.of())) ? 1 : 0;
            } else if (item.kind() != CaseWorkKind.CLOSE && open.contains(item.caseId())) {
                start(item);
                created += item.kind().opensTask() ? 1 : 0;
            }
        }
        return created;
    }

    private void recordFailure(CaseWorkQueue.Item item, RuntimeException cause) {
        log.info("Case work {} for case {} not done yet, retrying in {}: {}", item.kind(), item.caseId(),
                RETRY_AFTER, cause.getMessage());
        work.failed(item.id(), cause.getMessage(), MAX_ATTEMPTS, RETRY_AFTER);
    }

    /**
     * The case processes running for these cases, business key to process instance ids, in one
     * query (the engine's query API has no list of business keys for running instances).
     */
    private Map<String, List<String>> running(List<UUID> caseIds) {
        Set<String> definitions = new HashSet<>();
        repository.createProcessDefinitionQuery().processDefinitionKey(KEY).list()
                .forEach(definition -> definitions.add(definition.getId()));
        StringBuilder sql = new StringBuilder("select RES.* from ").append(management.getTableName(ProcessInstance.class))
                .append(" RES where RES.ID_ = RES.PROC_INST_ID_ and RES.BUSINESS_KEY_ in (");
        NativeProcessInstanceQuery query = runtime.createNativeProcessInstanceQuery();
        for (int i = 0; i < caseIds.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("#{key").append(i).append('}');
            query.parameter("key" + i, caseIds.get(i).toString());
        }
        Map<String, List<String>> running = new HashMap<>();
        query.sql(sql.append(')').toString()).list().stream()
                .filter(instance -> definitions.contains(instance.getProcessDefinitionId()))
                .forEach(instance -> running.computeIfAbsent(instance.getBusinessKey(), key -> new ArrayList<>())
                        .add(instance.getId()));
        return running;
    }

    /**
     * The open tasks of these processes by business key, in one native query: the task query
     * builds its SQL from hundreds of dynamic clauses, most of a piece's cost when run per piece.
     */
    private Map<String, List<Task>> openTasks(Map<String, List<String>> running) {
        if (running.isEmpty()) {
            return Map.of();
        }
        Map<String, String> businessKeys = new HashMap<>();
        running.forEach((businessKey, processInstances) ->
                processInstances.forEach(processInstance -> businessKeys.put(processInstance, businessKey)));
        StringBuilder sql = new StringBuilder("select RES.* from ").append(management.getTableName(Task.class))
                .append(" RES where RES.PROC_INST_ID_ in (");
        NativeTaskQuery query = tasks.createNativeTaskQuery();
        int i = 0;
        for (String processInstance : businessKeys.keySet()) {
            sql.append(i == 0 ? "" : ", ").append("#{p").append(i).append('}');
            query.parameter("p" + i++, processInstance);
        }
        Map<String, List<Task>> open = new HashMap<>();
        query.sql(sql.append(')').toString()).list().forEach(task ->
                open.computeIfAbsent(businessKeys.get(task.getProcessInstanceId()), key -> new ArrayList<>()).add(task));
        return open;
    }

    /** The candidate groups of these tasks, by task id, in one query. */
    private Map<String, Set<String>> candidateGroups(List<Task> open) {
        if (open.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<String>> groups = new HashMap<>();
        jdbc.query("select TASK_ID_, GROUP_ID_ from " + management.getTableName(IdentityLinkEntity.class)
                        + " where TYPE_ = :type and GROUP_ID_ is not null and TASK_ID_ in (:tasks)",
                new MapSqlParameterSource("type", IdentityLinkType.CANDIDATE)
                        .addValue("tasks", open.stream().map(Task::getId).toList()),
                (RowCallbackHandler) row -> groups.computeIfAbsent(row.getString(1), id -> new HashSet<>())
                        .add(row.getString(2)));
        return groups;
    }

    /** Carries out one piece, whatever its case's process is doing; returns whether it opened a task. */
    private boolean carryOut(CaseWorkQueue.Item item) {
        if (item.kind() == CaseWorkKind.CLOSE) {
            return carryOut(item, false, null, null);
        }
        boolean caseOpen = cases.findById(item.caseId()).map(c -> c.getStatus() == CaseStatus.OPEN).orElse(false);
        Task open = tasks.createTaskQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(item.caseId().toString()).singleResult();
        return carryOut(item, caseOpen, open, task -> tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).collect(Collectors.toSet()));
    }

    /** Carries out one piece given what its case is doing: whether open, its open task and that task's groups. */
    private boolean carryOut(CaseWorkQueue.Item item, boolean caseOpen, Task open,
            Function<Task, Set<String>> candidateGroups) {
        String businessKey = item.caseId().toString();
        if (item.kind() == CaseWorkKind.CLOSE) {
            runtime.createMessageCorrelation(MESSAGE_CASE_CLOSED)
                    .processInstanceBusinessKey(businessKey).correlateAllWithResult();
            return false;
        }
        if (!caseOpen) {
            return false;
        }
        if (open != null && item.kind().taskKey() != null && item.kind().taskKey().equals(open.getTaskDefinitionKey())) {
            refresh(open, item, candidateGroups);
            return false;
        }
        if (open != null) {
            // A different kind of work supersedes the open task: the process ends it and waits again.
            runtime.createMessageCorrelation(MESSAGE_WORK_SUPERSEDED)
                    .processInstanceBusinessKey(businessKey).correlateAllWithResult();
        }
        List<String> waiting = runtime.createExecutionQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(businessKey).messageEventSubscriptionName(MESSAGE_PERSON_NEEDED).list()
                .stream().map(Execution::getProcessInstanceId).distinct().toList();
        if (!waiting.isEmpty()) {
            runtime.createMessageCorrelation(MESSAGE_PERSON_NEEDED).processInstanceBusinessKey(businessKey)
                    .setVariables(variables(item, !startedWithStoredWork(waiting))).correlateWithResult();
        } else {
            start(item);
        }
        return item.kind().opensTask();
    }

    private void start(CaseWorkQueue.Item item) {
        VariableMap start = variables(item, true).putValue(VAR_CUSTOMER_ID, item.customerId().toString());
        runtime.createProcessInstanceByKey(KEY).businessKey(item.caseId().toString()).setVariables(start).execute();
    }

    /**
     * What the next task is and how it is offered, read by the process only in the command that
     * opens the task, so transient: not stored, and not updated by every later decision. The case
     * is the business key and the decision is in decision_records; only customerId is stored, for
     * the team routing of each later task.
     */
    private static VariableMap variables(CaseWorkQueue.Item item, boolean transientValues) {
        return Variables.createVariables()
                .putValueTyped(VAR_WORK, Variables.stringValue(item.kind().name(), transientValues))
                .putValueTyped(VAR_CANDIDATE_GROUP, Variables.stringValue(item.candidateGroup(), transientValues))
                .putValueTyped(VAR_TASK_PRIORITY, Variables.integerValue(item.priority(), transientValues))
                .putValueTyped(VAR_TASK_DUE_DATE, Variables.dateValue(Date.from(item.dueAt()), transientValues));
    }

    /**
     * Whether the case's process was started when these were stored variables: the engine refuses a
     * transient value in place of a stored one, so such a process gets stored values again.
     */
    private boolean startedWithStoredWork(List<String> processInstanceIds) {
        return processInstanceIds.stream().anyMatch(id -> runtime.getVariableLocal(id, VAR_WORK) != null);
    }

    /**
     * The same work while its task is still open: the account was decided on schedule, and the
     * table's priority and group for it now apply to the open task (never lowered).
     */
    private void refresh(Task open, CaseWorkQueue.Item item, Function<Task, Set<String>> candidateGroups) {
        if (item.priority() > open.getPriority()) {
            tasks.setPriority(open.getId(), item.priority());
        }
        if (item.candidateGroup() != null && !candidateGroups.apply(open).contains(item.candidateGroup())) {
            tasks.addCandidateGroup(open.getId(), item.candidateGroup());
        }
    }
}
