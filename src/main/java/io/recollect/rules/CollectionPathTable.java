package io.recollect.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.recollect.rules.internal.DecisionTableCompiler;
import io.recollect.rules.internal.PathOutcome;
import io.recollect.rules.internal.RowRecorder;
import io.recollect.rules.internal.SheetRows;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The collection-path decision table: given an overdue account's situation, what happens next.
 * The rows live in a spreadsheet managers edit; every decision cites the table version and row.
 */
@Component
public class CollectionPathTable {

    private static final String NAME = "collection-path";
    /** The sheet's {@code Variables} row declares this global; its ACTION columns write to it. */
    private static final String OUTCOME_GLOBAL = "outcome";
    private static final AgendaFilter FIRE_NOTHING = match -> false;

    private final String version;
    private final KieBase rules;
    /** The same rows for {@link #decideAll}; built on first use, as most tables only ever decide one by one. */
    private final byte[] xlsx;
    private volatile KieBase batchRules;

    @Autowired
    public CollectionPathTable(
            @Value("${recollect.rules.collection-path:classpath:rules/collection-path.xlsx}") Resource table) {
        this(read(table));
    }

    private CollectionPathTable(byte[] xlsx) {
        this.version = sha256(xlsx);
        this.rules = DecisionTableCompiler.compile(NAME, xlsx);
        this.xlsx = xlsx;
    }

    /**
     * Compiles spreadsheet bytes, e.g. an upload, without Spring.
     *
     * @throws RuleTableException when the sheet does not parse, does not compile or has no usable rows
     */
    public static CollectionPathTable compile(byte[] xlsx) {
        return new CollectionPathTable(xlsx.clone());
    }

    /**
     * Safe to call from many threads: each call gets its own short-lived session.
     *
     * @throws NoMatchingRuleException when no row covers the situation
     */
    public CollectionDecision decide(AccountSituation situation) {
        Objects.requireNonNull(situation, "situation");
        PathOutcome outcome = new PathOutcome();
        RowRecorder rows = run(situation, outcome, null);
        List<Integer> fired = rows.fired();
        if (fired.isEmpty()) {
            throw new NoMatchingRuleException(NAME, version, situation);
        }
        if (fired.size() > 1) {
            // Cannot happen with a sheet compile() accepted (every row in one ACTIVATION-GROUP);
            // kept so a Drools change could never let the last row silently win.
            throw new IllegalStateException("Decision table '" + NAME + "' (version " + version
                    + ") fired rows " + fired + " for " + situation + "; exactly one may fire");
        }
        return decision(outcome, fired.get(0));
    }

    /**
     * Decides many accounts in one session, each exactly as {@link #decide} would: the rows fire in
     * sheet order and the first that fits an account decides it. For work over many accounts at
     * once, such as a simulation against the portfolio: the session is built once per batch, not
     * once per account. Nothing is recorded.
     *
     * @return the decisions, in the order of the situations
     * @throws NoMatchingRuleException when no row covers one of the situations
     */
    public List<CollectionDecision> decideAll(List<AccountSituation> situations) {
        Map<AccountSituation, CollectionDecision> decided = new IdentityHashMap<>(situations.size() * 2);
        PathOutcome outcome = new PathOutcome();
        KieSession session = batchRules().newKieSession();
        try {
            session.setGlobal(OUTCOME_GLOBAL, outcome);
            // The first row offered for an account fires; later rows for it are passed over.
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    decided.put((AccountSituation) event.getMatch().getObjects().get(0),
                            decision(outcome, SheetRows.requireRow(event.getMatch().getRule().getName())));
                    outcome.clear();
                }
            });
            situations.forEach(s -> session.insert(Objects.requireNonNull(s, "situation")));
            session.fireAllRules(match -> !decided.containsKey(match.getObjects().get(0)));
        } finally {
            session.dispose();
        }
        List<CollectionDecision> decisions = new ArrayList<>(situations.size());
        for (AccountSituation situation : situations) {
            CollectionDecision decision = decided.get(situation);
            if (decision == null) {
                throw new NoMatchingRuleException(NAME, version, situation);
            }
            decisions.add(decision);
        }
        return decisions;
    }

    private CollectionDecision decision(PathOutcome outcome, int row) {
        RuleCitation citation = new RuleCitation(NAME, version, row);
        if (outcome.action() == null) {
            // Compiling rejects such rows; checked again because a decision without an action must not leave here.
            throw new IllegalStateException(citation + " fired with an empty Action cell");
        }
        return new CollectionDecision(outcome.action(), outcome.dunningLevel(), outcome.template(),
                outcome.waitDays(), outcome.priority(), outcome.candidateGroup(), outcome.reason(), citation);
    }

    private KieBase batchRules() {
        KieBase batch = batchRules;
        if (batch == null) {
            synchronized (this) {
                batch = batchRules;
                if (batch == null) {
                    batch = DecisionTableCompiler.compileForBatches(NAME, xlsx);
                    batchRules = batch;
                }
            }
        }
        return batch;
    }

    /** The rows that fire, in order; exactly one unless the sheet lost its first-match-wins group. */
    List<Integer> firedRows(AccountSituation situation) {
        return run(Objects.requireNonNull(situation, "situation"), new PathOutcome(), null).fired();
    }

    /**
     * Every row whose conditions fit, ignoring first-match-wins: nothing fires, so the activation
     * group cannot hide an overlap. The guard rows overlap the rows below them on purpose; this
     * shows which rows they override.
     */
    List<Integer> matchingRows(AccountSituation situation) {
        return run(Objects.requireNonNull(situation, "situation"), new PathOutcome(), FIRE_NOTHING).matched();
    }

    /** Lowercase hex SHA-256 of the spreadsheet bytes. */
    public String version() {
        return version;
    }

    public String name() {
        return NAME;
    }

    private RowRecorder run(AccountSituation situation, PathOutcome outcome, AgendaFilter filter) {
        RowRecorder recorder = new RowRecorder();
        KieSession session = rules.newKieSession();
        try {
            session.setGlobal(OUTCOME_GLOBAL, outcome);
            session.addEventListener(recorder);
            session.insert(situation);
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

    private static byte[] read(Resource table) {
        try {
            return table.getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read decision table " + NAME + " from " + table, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
