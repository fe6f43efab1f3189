package io.recollect.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.recollect.shared.ConflictException;
import io.recollect.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Decides every open account with the active collection-path version and with another one, and
 * reports what would change: the old x new action matrix, accounts per rule, the emails and tasks
 * the next run would produce, and the accounts that change. Runs in the background on the node
 * that was asked; progress and result are written to the database, so any node can show them.
 */
@Service
public class RuleTableSimulations {

    private static final Logger log = LoggerFactory.getLogger(RuleTableSimulations.class);
    /** Accounts read and decided together: one set-based read and one Drools session per version per batch. */
    private static final int BATCH = 2000;
    /** Batches being read or waiting while one is decided: bounds the memory a simulation holds. */
    private static final int READ_AHEAD = 2;
    /** Batches read at once, each on its own connection, while the worker decides the one before. */
    private static final int READERS = 1;
    private static final String GAP = "NO_ROW";
    private static final Set<CollectionAction> EMAIL =
            EnumSet.of(CollectionAction.REMIND, CollectionAction.FINAL_NOTICE, CollectionAction.AGENCY);
    private static final Set<CollectionAction> TASK = EnumSet.of(CollectionAction.ESCALATE,
            CollectionAction.OFFER_PLAN, CollectionAction.WRITE_OFF, CollectionAction.AGENCY);

    private final RuleTableService tables;
    private final ActiveRuleTables active;
    private final CollectionPathRules collectionPath;
    private final PortfolioSituations portfolio;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rule-table-simulation");
        thread.setDaemon(true);
        return thread;
    });
    /** Reads the next batches while the worker decides this one. */
    private final ExecutorService reader = Executors.newFixedThreadPool(READERS, r -> {
        Thread thread = new Thread(r, "rule-table-simulation-read");
        thread.setDaemon(true);
        return thread;
    });

    RuleTableSimulations(RuleTableService tables, ActiveRuleTables active, CollectionPathRules collectionPath,
            PortfolioSituations portfolio, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.tables = tables;
        this.active = active;
        this.collectionPath = collectionPath;
        this.portfolio = portfolio;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        reader.shutdownNow();
    }

    /** Starts a simulation of the version against the active one; poll {@link #get} for progress. */
    public SimulationView start(String table, UUID versionId) {
        String actor = RuleTableService.requireManager("simulate a version of " + table).id();
        if (!collectionPath.name().equals(table)) {
            tables.definition(table);
            throw new ConflictException("not-simulatable", "Only " + collectionPath.name()
                    + " decides the portfolio's accounts, so only it can be simulated against them");
        }
        RuleTableVersionView version = tables.version(table, versionId);
        if (version.status() == RuleTableStatus.REJECTED) {
            throw new ConflictException("rule-table-version-rejected", "A rejected version cannot be simulated; fix its errors and upload it again");
        }
        CollectionPathTable current = active.get(collectionPath);
        byte[] content = tables.content(table, versionId);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into rule_table_simulations (id, table_name, version_id, active_id, started_by, started_at,"
                + " status, accounts_done, accounts) values (?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?)", id, table, versionId,
                current.versionId(), actor, Timestamp.from(clock.instant()), portfolio.count());
        worker.submit(() -> run(id, table, versionId, actor, current, content));
        return get(table, id, 0, 0);
    }

    public SimulationView get(String table, UUID id, int page, int size) {
        List<SimulationView> found = jdbc.query("select * from rule_table_simulations where id = ? and table_name = ?",
                (rs, n) -> new SimulationView(id, table, rs.getObject("version_id", UUID.class),
                        rs.getObject("active_id", UUID.class), rs.getString("started_by"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("status"), rs.getInt("accounts_done"), rs.getInt("accounts"),
                        result(rs.getString("result")), List.of(), page, size, rs.getString("failure")), id, table);
        if (found.isEmpty()) {
            throw new NotFoundException("Simulation of rule table " + table, id);
        }
        SimulationView view = found.get(0);
        int bounded = Math.max(0, Math.min(size, 500));
        List<SimulationView.Change> changes = bounded == 0 ? List.of() : jdbc.query(
                "select * from rule_table_simulation_changes where simulation_id = ? order by seq"
                        + " offset ? rows fetch next ? rows only",
                (rs, n) -> new SimulationView.Change(rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                        rs.getString("old_action"), rs.getString("old_rule"), rs.getString("new_action"),
                        rs.getString("new_rule")), id, (long) Math.max(0, page) * bounded, bounded);
        return new SimulationView(view.id(), view.table(), view.versionId(), view.activeVersionId(), view.startedBy(),
                view.startedAt(), view.finishedAt(), view.status(), view.accountsDone(), view.accounts(), view.result(),
                changes, page, bounded, view.failure());
    }

    private void run(UUID id, String table, UUID versionId, String actor, CollectionPathTable current, byte[] content) {
        try {
            CollectionPathTable candidate = versionId.equals(current.versionId()) ? current
                    : collectionPath.compile(content, versionId);
            Tally tally = new Tally();
            // Pages are listed here in customer order and read ahead in parallel, then decided in that order.
            Deque<Future<List<PortfolioSituations.Account>>> ahead = new ArrayDeque<>();
            try {
                UUID after = null;
                boolean more = true;
                while (true) {
                    while (more && ahead.size() < READ_AHEAD) {
                        List<UUID> ids = portfolio.page(after, BATCH);
                        more = ids.size() == BATCH;
                        if (!ids.isEmpty()) {
                            after = ids.get(ids.size() - 1);
                            ahead.add(reader.submit(() -> portfolio.situations(ids)));
                        }
                    }
                    if (ahead.isEmpty()) {
                        break;
                    }
                    decide(id, read(ahead.poll()), current, candidate, tally);
                }
            } finally {
                ahead.forEach(page -> page.cancel(false));
            }
            SimulationView.Result result = tally.result();
            jdbc.update("update rule_table_simulations set status = 'DONE', finished_at = ?, accounts_done = ?,"
                    + " accounts = ?, result = ? where id = ?", Timestamp.from(clock.instant()), tally.accounts,
                    tally.accounts, json.writeValueAsString(result), id);
            tables.recordSimulation(table, versionId, actor, "simulation " + id + ": " + result.changedAccounts()
                    + " of " + result.accounts() + " accounts would change");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(id, e);
        } catch (RuntimeException | JsonProcessingException e) {
            log.error("Simulation {} of {} version {} failed", id, table, versionId, e);
            fail(id, e);
        }
    }

    private void fail(UUID id, Exception e) {
        jdbc.update("update rule_table_simulations set status = 'FAILED', finished_at = ?, failure = ? where id = ?",
                Timestamp.from(clock.instant()), String.valueOf(e.getMessage()).substring(0,
                        Math.min(1000, String.valueOf(e.getMessage()).length())), id);
    }

    /** One batch: both versions decide it, the tally takes it, its changed accounts and the progress are written. */
    private void decide(UUID id, List<PortfolioSituations.Account> batch, CollectionPathTable current,
            CollectionPathTable candidate, Tally tally) {
        List<AccountSituation> situations = batch.stream().map(PortfolioSituations.Account::situation).toList();
        List<CollectionDecision> before = current.decideAllOrNull(situations);
        List<CollectionDecision> after = candidate == current ? before : candidate.decideAllOrNull(situations);
        List<Object[]> changes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            tally.add(batch.get(i), before.get(i), after.get(i), changes);
        }
        if (!changes.isEmpty()) {
            jdbc.batchUpdate("insert into rule_table_simulation_changes (simulation_id, seq, customer_id,"
                    + " customer_name, old_action, old_rule, new_action, new_rule) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    changes.stream().map(c -> prepend(id, c)).toList());
        }
        jdbc.update("update rule_table_simulations set accounts_done = ? where id = ?", tally.accounts, id);
    }

    /** The page's situations once read; what reading it failed with is thrown as it was. */
    private static List<PortfolioSituations.Account> read(Future<List<PortfolioSituations.Account>> page)
            throws InterruptedException {
        try {
            return page.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Object[] prepend(UUID id, Object[] change) {
        Object[] row = new Object[change.length + 1];
        row[0] = id;
        System.arraycopy(change, 0, row, 1, change.length);
        return row;
    }

    /** What the accounts add up to, batch by batch. */
    private static final class Tally {
        int accounts;
        int changed;
        int oldGaps;
        int newGaps;
        final Map<String, Map<String, Integer>> matrix = new TreeMap<>();
        final Map<String, Integer> oldRows = new TreeMap<>();
        final Map<String, Integer> newRows = new TreeMap<>();
        final Map<String, int[]> emails = new TreeMap<>();
        final Map<String, int[]> tasks = new TreeMap<>();

        void add(PortfolioSituations.Account account, CollectionDecision before, CollectionDecision after,
                List<Object[]> changes) {
            accounts++;
            String oldAction = action(before);
            String newAction = action(after);
            matrix.computeIfAbsent(oldAction, a -> new TreeMap<>()).merge(newAction, 1, Integer::sum);
            oldRows.merge(rule(before), 1, Integer::sum);
            newRows.merge(rule(after), 1, Integer::sum);
            count(before, 0);
            count(after, 1);
            oldGaps += before == null ? 1 : 0;
            newGaps += after == null ? 1 : 0;
            if (!oldAction.equals(newAction) || !rule(before).equals(rule(after))) {
                changes.add(new Object[] {changed++, account.customerId(), account.customerName(),
                        before == null ? null : oldAction, before == null ? null : rule(before),
                        after == null ? null : newAction, after == null ? null : rule(after)});
            }
        }

        private void count(CollectionDecision decision, int side) {
            if (decision == null) {
                return;
            }
            if (EMAIL.contains(decision.action()) && decision.template() != null) {
                emails.computeIfAbsent(decision.template(), t -> new int[2])[side]++;
            }
            if (TASK.contains(decision.action()) && decision.candidateGroup() != null) {
                tasks.computeIfAbsent(decision.candidateGroup(), g -> new int[2])[side]++;
            }
        }

        SimulationView.Result result() {
            return new SimulationView.Result(accounts, changed, matrix, oldRows, newRows, emails, tasks, oldGaps, newGaps);
        }

        private static String action(CollectionDecision decision) {
            return decision == null ? GAP : decision.action().name();
        }

        private static String rule(CollectionDecision decision) {
            return decision == null ? GAP : decision.citation().rule();
        }
    }

    private SimulationView.Result result(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, SimulationView.Result.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
