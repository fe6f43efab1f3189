package io.recollect.rules;

import io.recollect.rules.internal.CompiledTable;
import io.recollect.rules.internal.WriteOffApprovalOutcome;
import io.recollect.rules.internal.WriteOffRequiredCells;
import java.util.Objects;
import java.util.UUID;

/**
 * One compiled version of the write-off-approval table: given a write-off request, whether it
 * posts at once or which group approves it, with priority, SLA and whether the customer is told.
 * Every answer cites the version and row (and the row's label, e.g. R4). The running app gets the
 * active version from {@link WriteOffApprovalDecisions}.
 */
public final class WriteOffApprovalTable {

    public static final String NAME = "write-off-approval";

    private final CompiledTable table;

    private WriteOffApprovalTable(CompiledTable table) {
        this.table = table;
    }

    /**
     * Compiles spreadsheet bytes outside the version store, e.g. an edited sheet in a test.
     *
     * @throws RuleTableException when the sheet does not parse, does not compile or has unusable rows
     */
    public static WriteOffApprovalTable compile(byte[] xlsx) {
        return compile(xlsx, null);
    }

    static WriteOffApprovalTable compile(byte[] xlsx, UUID versionId) {
        return new WriteOffApprovalTable(CompiledTable.compile(NAME, xlsx, versionId, WriteOffRequiredCells::missing));
    }

    /**
     * Safe to call from many threads: each call gets its own short-lived session.
     *
     * @throws NoMatchingRuleException when no row covers the request
     */
    public WriteOffRoute decide(WriteOffProposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        return table.decide(proposal, new WriteOffApprovalOutcome(), (outcome, citation) -> {
            if (outcome.approval() == null) {
                throw new IllegalStateException(citation + " fired with an empty Approval cell");
            }
            return new WriteOffRoute(outcome.approval(), outcome.candidateGroup(), outcome.priority(),
                    outcome.slaDays(), outcome.noticeTemplate(), outcome.reason(), citation);
        });
    }

    /** Lowercase hex SHA-256 of the spreadsheet bytes. */
    public String version() {
        return table.sha256();
    }

    /** The stored version's id, or null when compiled outside the store. */
    public UUID versionId() {
        return table.versionId();
    }
}
