package io.recollect.rules;

import io.recollect.rules.internal.DecisionTableCompiler;
import io.recollect.rules.internal.PolicyOutcome;
import io.recollect.rules.internal.RowRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The hardship-policy decision table: given a proposed payment plan, approve it, ask a manager,
 * or refuse it with a reason. Every answer cites the table version and the row that fired.
 */
@Component
public class HardshipPolicy {

    private static final String NAME = "hardship-policy";
    private static final String OUTCOME_GLOBAL = "outcome";

    private final String version;
    private final KieBase rules;

    @Autowired
    public HardshipPolicy(
            @Value("${recollect.rules.hardship-policy:classpath:rules/hardship-policy.xlsx}") Resource table) {
        this(read(table));
    }

    private HardshipPolicy(byte[] xlsx) {
        this.version = sha256(xlsx);
        this.rules = DecisionTableCompiler.compile(NAME, xlsx, PolicyOutcome::missing);
    }

    /** Compiles spreadsheet bytes without Spring, e.g. in a test that edits the sheet. */
    public static HardshipPolicy compile(byte[] xlsx) {
        return new HardshipPolicy(xlsx.clone());
    }

    /** @throws NoMatchingRuleException when no row covers the proposal */
    public HardshipPolicyResult decide(PlanProposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        PolicyOutcome outcome = new PolicyOutcome();
        RowRecorder rows = new RowRecorder();
        KieSession session = rules.newKieSession();
        try {
            session.setGlobal(OUTCOME_GLOBAL, outcome);
            session.addEventListener(rows);
            session.insert(proposal);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        List<Integer> fired = rows.fired();
        if (fired.size() != 1) {
            if (fired.isEmpty()) {
                throw new NoMatchingRuleException(NAME, version, proposal);
            }
            throw new IllegalStateException("Decision table '" + NAME + "' fired rows " + fired + "; exactly one may");
        }
        return new HardshipPolicyResult(outcome.decision(), outcome.candidateGroup(), outcome.priority(),
                outcome.slaDays(), outcome.graceDays(), outcome.breakAfterMisses(), outcome.reason(),
                new RuleCitation(NAME, version, fired.get(0), null, null));
    }

    public String version() {
        return version;
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
