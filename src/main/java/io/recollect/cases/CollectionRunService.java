package io.recollect.cases;

import io.recollect.customers.AccountSchedule;
import io.recollect.dunning.CommunicationService;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.BusinessTime;
import io.recollect.shared.NotPermittedException;
import io.recollect.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The collection run: every account due by a cutoff decided once, in batches. The daily run
 * starts at {@code recollect.daily-run-at} in the business zone (the database lets one node
 * start it), an operator can start one at any time, and changes between runs are decided within
 * a minute by the same batch code, with whatever is marked changed.
 */
@Service
public class CollectionRunService {

    static final String DAILY = "DAILY";
    static final String ON_DEMAND = "ON_DEMAND";

    private final CollectionRuns runs;
    private final AccountSchedule schedule;
    private final AccountDecider decider;
    private final CaseWorkDispatcher dispatcher;
    private final CaseWorkQueue work;
    private final CommunicationService communications;
    private final RuntimeService runtime;
    private final CollectionRunProperties properties;
    private final BusinessTime businessTime;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    CollectionRunService(CollectionRuns runs, AccountSchedule schedule, AccountDecider decider,
            CaseWorkDispatcher dispatcher, CaseWorkQueue work, CommunicationService communications, RuntimeService runtime,
            CollectionRunProperties properties, BusinessTime businessTime, PlatformTransactionManager transactions,
            Clock clock) {
        this.runs = runs;
        this.schedule = schedule;
        this.decider = decider;
        this.dispatcher = dispatcher;
        this.work = work;
        this.communications = communications;
        this.runtime = runtime;
        this.properties = properties;
        this.businessTime = businessTime;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Starts a run of every account due now; returns its id. People need to be managers or admins. */
    @Transactional
    public UUID start(String actor) {
        CurrentUser.get().filter(user -> !user.inAny(Roles.ADMIN, Roles.MANAGERS)).ifPresent(user -> {
            throw new NotPermittedException("run-not-permitted", "Only collection managers and admins start collection runs");
        });
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        runs.insert(id, ON_DEMAND, null, actor, now, now, schedule.countDue(now));
        startProcess(id);
        return id;
    }

    /** Starts today's daily run once its time has come, unless a node already did; returns its id if this call started it. */
    @Transactional
    public Optional<UUID> startDailyIfDue() {
        Instant now = clock.instant();
        LocalDate today = businessTime.today(clock);
        Instant runTime = businessTime.runTimeOn(today);
        if (now.isBefore(runTime) || runs.dailyRunExists(today)) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        if (!runs.insert(id, DAILY, today, "scheduler", now, now, schedule.countDue(now))) {
            return Optional.empty();
        }
        startProcess(id);
        return Optional.of(id);
    }

    @Transactional(readOnly = true)
    public CollectionRunView status(UUID runId) {
        int incidents = (int) runtime.createIncidentQuery().processInstanceId(processInstanceId(runId)).count();
        return runs.find(runId, incidents).orElseThrow(() -> new NotFoundException("Collection run", runId));
    }

    /** How many batches the run plans: at least one, so an empty run still shows its steps. */
    List<Integer> plan(UUID runId) {
        return batches(schedule.countDue(runs.cutoff(runId)), properties.batchSize());
    }

    /**
     * One batch of the run: up to a batch of accounts due by the run's cutoff, decided in chunks
     * that each commit on their own. A job that outlives its lock (a loaded machine) and is taken
     * again then only loses its own bookkeeping: the chunks it decided stay decided, and the
     * second execution claims what is still due instead of repeating the same work.
     */
    public int decideBatch(UUID runId) {
        int total = 0;
        while (total < properties.batchSize()) {
            int size = Math.min(properties.decideChunk(), properties.batchSize() - total);
            Integer claimed = ownTransaction.execute(status -> decideChunk(runId, size));
            if (claimed == null || claimed == 0) {
                break;
            }
            total += claimed;
        }
        return total;
    }

    private int decideChunk(UUID runId, int size) {
        List<UUID> claimed = schedule.claimDue(runs.cutoff(runId), size);
        AccountDecider.BatchResult result = decider.decide(claimed);
        runs.add(runId, result.decided(), result.emailsQueued(), 0);
        runs.addEmails(runId, result.emailIds());
        return claimed.size();
    }

    /** Batches until nothing is left that is due by the cutoff and not held by another transaction. */
    int decideRemaining(UUID runId) {
        int total = 0;
        int claimed;
        do {
            claimed = decideBatch(runId);
            total += claimed;
        } while (claimed > 0);
        return total;
    }

    /** How many dispatch jobs the case work waiting now needs: at least one, so the step shows. */
    List<Integer> planCaseWork() {
        return batches(work.countPending(), properties.dispatchBatch());
    }

    /** One of the run's dispatch jobs: up to a batch of case work, beside the others. */
    int dispatchCaseWorkBatch(UUID runId) {
        return dispatchCaseWork(runId, properties.dispatchBatch());
    }

    /** Carries out the case work decisions asked for; counts tasks to the run. */
    int dispatchCaseWork(UUID runId) {
        return dispatchCaseWork(runId, properties.dispatchLimit());
    }

    private int dispatchCaseWork(UUID runId, int limit) {
        // Counted in each chunk's transaction: the job's own may roll back after its chunks committed.
        return dispatcher.dispatch(limit, created -> {
            if (runId != null) {
                runs.add(runId, 0, 0, created);
            }
        }).tasksCreated();
    }

    /** How many sending jobs the emails queued now need: at least one, so the step shows. */
    List<Integer> planEmails() {
        return batches(communications.countDue(), properties.emailBatch());
    }

    /** A multi-instance's collection: one element per job of {@code perJob} pieces, and at least one. */
    private static List<Integer> batches(int pieces, int perJob) {
        int jobs = Math.max(1, (pieces + perJob - 1) / perJob);
        return java.util.stream.IntStream.range(0, jobs).boxed().toList();
    }

    /** One of the run's sending jobs, beside the others and the dispatch: up to a batch of emails. */
    int sendEmailBatch(UUID runId) {
        return communications.sendQueued(properties.emailBatch()).sent();
    }

    /**
     * Sends the queued emails. The run counts its own emails as sent whoever sent them (see
     * {@link CollectionRuns#find}), so nothing is added here.
     */
    int sendEmails(UUID runId) {
        return communications.sendQueued(properties.emailLimit()).sent();
    }

    @Transactional
    void finish(UUID runId) {
        runs.finish(runId, clock.instant());
    }

    /**
     * Between runs: decides the accounts marked changed, in batches, with the same code as the
     * run; then carries out their case work and sends their emails. Safe on every node at once.
     */
    public int decideChanges() {
        int total = 0;
        int claimed;
        do {
            claimed = transaction.execute(status -> {
                List<UUID> changed = schedule.claimChanged(clock.instant(), properties.batchSize());
                decider.decide(changed);
                return changed.size();
            });
            total += claimed;
        } while (claimed > 0);
        dispatchCaseWork(null);
        sendEmails(null);
        return total;
    }

    private void startProcess(UUID runId) {
        runtime.createProcessInstanceByKey(CollectionRunProcess.KEY).businessKey(runId.toString())
                .setVariables(Map.of(CollectionRunProcess.VAR_RUN_ID, runId.toString())).execute();
    }

    private String processInstanceId(UUID runId) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(CollectionRunProcess.KEY)
                .processInstanceBusinessKey(runId.toString()).singleResult();
        if (instance != null) {
            return instance.getId();
        }
        return "none";
    }
}
