package io.recollect.rules.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.recollect.rules.NoMatchingRuleException;
import io.recollect.rules.RuleCitation;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * One compiled version of any decision table: deciding one fact or a batch in one session,
 * first match wins, and citing the row that fired by sheet row and the sheet's own label. What
 * a table adds on top is only its fact, its outcome and how the outcome becomes its result.
 */
public final class CompiledTable {

    /** Every table's {@code Variables} row declares this global; its ACTION columns write to it. */
    public static final String OUTCOME_GLOBAL = "outcome";
    private static final AgendaFilter FIRE_NOTHING = match -> false;

    private final String name;
    private final String sha256;
    private final UUID versionId;
    private final byte[] xlsx;
    private final KieBase rules;
    private final Map<Integer, String> labels;
    /** The same rows for batches; built on first use, as a single decision never needs them. */
    private volatile KieBase batchRules;

    private CompiledTable(String name, String sha256, UUID versionId, byte[] xlsx,
            BiFunction<Integer, List<String>, List<String>> rowCheck) {
        this.name = name;
        this.sha256 = sha256;
        this.versionId = versionId;
        this.xlsx = xlsx;
        this.rules = rowCheck == null ? DecisionTableCompiler.compile(name, xlsx)
                : DecisionTableCompiler.compile(name, xlsx, rowCheck);
        this.labels = RuleLabels.of(xlsx);
    }

    /**
     * @param versionId the stored version's id, or null for bytes compiled outside the store (tests, checks)
     * @throws io.recollect.rules.RuleTableException when the sheet does not parse, compile or pass the shared checks
     */
    public static CompiledTable compile(String name, byte[] xlsx, UUID versionId) {
        return new CompiledTable(name, Sha256.hex(xlsx), versionId, xlsx.clone(), null);
    }

    /**
     * A table whose ACTION cells are not the collection path's: {@code rowCheck} says, for a sheet
     * row and its ACTION statements, what the row lacks (empty when nothing).
     */
    public static CompiledTable compile(String name, byte[] xlsx, UUID versionId,
            BiFunction<Integer, List<String>, List<String>> rowCheck) {
        return new CompiledTable(name, Sha256.hex(xlsx), versionId, xlsx.clone(), rowCheck);
    }

    public String name() {
        return name;
    }

    public String sha256() {
        return sha256;
    }

    public UUID versionId() {
        return versionId;
    }

    public RuleCitation cite(int row) {
        return new RuleCitation(name, sha256, row, labels.get(row), versionId);
    }

    /**
     * Decides one fact in its own short-lived session; safe from many threads.
     *
     * @throws NoMatchingRuleException when no row covers the fact
     */
    public <O extends RuleOutcome, R> R decide(Object fact, O outcome, BiFunction<O, RuleCitation, R> result) {
        Objects.requireNonNull(fact, "fact");
        List<Integer> fired = run(fact, outcome, null).fired();
        if (fired.isEmpty()) {
            throw new NoMatchingRuleException(name, sha256, fact);
        }
        if (fired.size() > 1) {
            // Cannot happen with a sheet compile() accepted (every row in one ACTIVATION-GROUP);
            // kept so a Drools change could never let the last row silently win.
            throw new IllegalStateException("Decision table '" + name + "' (version " + sha256
                    + ") fired rows " + fired + " for " + fact + "; exactly one may fire");
        }
        return result.apply(outcome, cite(fired.get(0)));
    }

    /**
     * Decides many facts in one session, each as {@link #decide} would: rows fire in sheet order
     * and the first that fits a fact decides it.
     *
     * @param gap what to answer for a fact no row covers (it may throw)
     * @return the results, in the order of the facts
     */
    public <F, O extends RuleOutcome, R> List<R> decideAll(List<F> facts, O outcome,
            BiFunction<O, RuleCitation, R> result, Function<F, R> gap) {
        Map<Object, R> decided = new IdentityHashMap<>(facts.size() * 2);
        KieSession session = batchRules().newKieSession();
        try {
            session.setGlobal(OUTCOME_GLOBAL, outcome);
            // The first row offered for a fact fires; later rows for it are passed over.
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    decided.put(event.getMatch().getObjects().get(0),
                            result.apply(outcome, cite(SheetRows.requireRow(event.getMatch().getRule().getName()))));
                    outcome.clear();
                }
            });
            facts.forEach(f -> session.insert(Objects.requireNonNull(f, "fact")));
            session.fireAllRules(match -> !decided.containsKey(match.getObjects().get(0)));
        } finally {
            session.dispose();
        }
        List<R> results = new ArrayList<>(facts.size());
        for (F fact : facts) {
            R r = decided.get(fact);
            results.add(r != null ? r : gap.apply(fact));
        }
        return results;
    }

    /** The rows that fire, in order; exactly one unless the sheet lost its first-match-wins group. */
    public List<Integer> firedRows(Object fact, RuleOutcome outcome) {
        return run(Objects.requireNonNull(fact, "fact"), outcome, null).fired();
    }

    /** Every row whose conditions fit, ignoring first-match-wins: nothing fires. */
    public List<Integer> matchingRows(Object fact, RuleOutcome outcome) {
        return run(Objects.requireNonNull(fact, "fact"), outcome, FIRE_NOTHING).matched();
    }

    private RowRecorder run(Object fact, RuleOutcome outcome, AgendaFilter filter) {
        RowRecorder recorder = new RowRecorder();
        KieSession session = rules.newKieSession();
        try {
            session.setGlobal(OUTCOME_GLOBAL, outcome);
            session.addEventListener(recorder);
            session.insert(fact);
            if (filter == null) {
                session.fireAllRules();
            } else {
                session.fireAllRules(filter);
            }
            return recorder;
        } finally {
            session.dispose();
        }
    }

    private KieBase batchRules() {
        KieBase batch = batchRules;
        if (batch == null) {
            synchronized (this) {
                batch = batchRules;
                if (batch == null) {
                    batch = DecisionTableCompiler.compileForBatches(name, xlsx);
                    batchRules = batch;
                }
            }
        }
        return batch;
    }
}
