package io.recollect.rules;

import io.recollect.rules.internal.CompiledTable;
import io.recollect.rules.internal.PolicyOutcome;
import java.util.Objects;
import java.util.UUID;

/**
 * One compiled version of the hardship-policy table: given a proposed payment plan, approve it,
 * ask a manager, or refuse it with a reason. Every answer cites the version and the row (and the
 * row's label, e.g. H3). The running app gets the active version from {@link HardshipPolicy}.
 */
public final class HardshipPolicyTable {

    public static final String NAME = "hardship-policy";

    private final CompiledTable table;

    private HardshipPolicyTable(CompiledTable table) {
        this.table = table;
    }

    /**
     * Compiles spreadsheet bytes outside the version store, e.g. in a test that edits the sheet.
     *
     * @throws RuleTableException when the sheet does not parse, does not compile or has unusable rows
     */
    public static HardshipPolicyTable compile(byte[] xlsx) {
        return compile(xlsx, null);
    }

    static HardshipPolicyTable compile(byte[] xlsx, UUID versionId) {
        return new HardshipPolicyTable(CompiledTable.compile(NAME, xlsx, versionId, PolicyOutcome::missing));
    }

    /** @throws NoMatchingRuleException when no row covers the proposal */
    public HardshipPolicyResult decide(PlanProposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        return table.decide(proposal, new PolicyOutcome(), (outcome, citation) -> new HardshipPolicyResult(
                outcome.decision(), outcome.candidateGroup(), outcome.priority(), outcome.slaDays(),
                outcome.graceDays(), outcome.breakAfterMisses(), outcome.reason(), citation));
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
