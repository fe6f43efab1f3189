package io.recollect.rules;

import io.recollect.rules.internal.RowRecorder;
import io.recollect.rules.internal.WriteOffApprovalCompiler;
import io.recollect.rules.internal.WriteOffApprovalOutcome;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The write-off-approval decision table: given a write-off request, whether it posts at once or
 * which group approves it, with priority, SLA and whether the customer is told. Every answer
 * cites the table version and row.
 */
public final class WriteOffApprovalTable {

    public static final String NAME = "write-off-approval";
    private static final String OUTCOME_GLOBAL = "outcome";

    private final String version;
    private final KieBase rules;

    private WriteOffApprovalTable(byte[] xlsx) {
        this.version = sha256(xlsx);
        this.rules = WriteOffApprovalCompiler.compile(NAME, xlsx);
    }

    /**
     * Compiles spreadsheet bytes, e.g. an upload, without Spring.
     *
     * @throws RuleTableException when the sheet does not parse, does not compile or has unusable rows
     */
    public static WriteOffApprovalTable compile(byte[] xlsx) {
        return new WriteOffApprovalTable(xlsx.clone());
    }

    /**
     * Safe to call from many threads: each call gets its own short-lived session.
     *
     * @throws NoMatchingRuleException when no row covers the request
     */
    public WriteOffRoute decide(WriteOffProposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        WriteOffApprovalOutcome outcome = new WriteOffApprovalOutcome();
        RowRecorder recorder = new RowRecorder();
        KieSession session = rules.newKieSession();
        try {
            session.setGlobal(OUTCOME_GLOBAL, outcome);
            session.addEventListener(recorder);
            session.insert(proposal);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        List<Integer> fired = recorder.fired();
        if (fired.isEmpty()) {
            throw new NoMatchingRuleException(NAME, version, proposal);
        }
        if (fired.size() > 1) {
            throw new IllegalStateException("Decision table '" + NAME + "' (version " + version + ") fired rows "
                    + fired + " for " + proposal + "; exactly one may fire");
        }
        RuleCitation citation = new RuleCitation(NAME, version, fired.get(0), null, null);
        if (outcome.approval() == null) {
            throw new IllegalStateException(citation + " fired with an empty Approval cell");
        }
        return new WriteOffRoute(outcome.approval(), outcome.candidateGroup(), outcome.priority(), outcome.slaDays(),
                outcome.noticeTemplate(), outcome.reason(), citation);
    }

    /** Lowercase hex SHA-256 of the spreadsheet bytes. */
    public String version() {
        return version;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
