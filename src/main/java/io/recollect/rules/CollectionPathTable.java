package io.recollect.rules;

import java.util.List;
import java.util.UUID;

import io.recollect.rules.internal.CompiledTable;
import io.recollect.rules.internal.PathOutcome;

/**
 * One compiled version of the collection-path decision table: given an overdue account's
 * situation, what happens next. The rows live in a spreadsheet managers edit; every decision
 * cites the version, the sheet row and the rule's label. The running app gets the active version
 * from {@link ActiveRuleTables}; this class compiles any bytes, e.g. in a test.
 */
public final class CollectionPathTable {

    public static final String NAME = "collection-path";

    private final CompiledTable table;

    private CollectionPathTable(CompiledTable table) {
        this.table = table;
    }

    /**
     * Compiles spreadsheet bytes outside the version store (the citation carries no version id).
     *
     * @throws RuleTableException when the sheet does not parse, does not compile or has no usable rows
     */
    public static CollectionPathTable compile(byte[] xlsx) {
        return compile(xlsx, null);
    }

    static CollectionPathTable compile(byte[] xlsx, UUID versionId) {
        return new CollectionPathTable(CompiledTable.compile(NAME, xlsx, versionId));
    }

    /**
     * Safe to call from many threads: each call gets its own short-lived session.
     *
     * @throws NoMatchingRuleException when no row covers the situation
     */
    public CollectionDecision decide(AccountSituation situation) {
        return table.decide(situation, new PathOutcome(), CollectionPathTable::decision);
    }

    /**
     * Decides many accounts in one session, each exactly as {@link #decide} would. Nothing is recorded.
     *
     * @return the decisions, in the order of the situations
     * @throws NoMatchingRuleException when no row covers one of the situations
     */
    public List<CollectionDecision> decideAll(List<AccountSituation> situations) {
        return table.decideAll(situations, new PathOutcome(), CollectionPathTable::decision, situation -> {
            throw new NoMatchingRuleException(NAME, table.sha256(), situation);
        });
    }

    /** As {@link #decideAll}, but a situation no row covers is answered null instead of failing the batch. */
    public List<CollectionDecision> decideAllOrNull(List<AccountSituation> situations) {
        return table.decideAll(situations, new PathOutcome(), CollectionPathTable::decision, situation -> null);
    }

    private static CollectionDecision decision(PathOutcome outcome, RuleCitation citation) {
        if (outcome.action() == null) {
            // Compiling rejects such rows; checked again because a decision without an action must not leave here.
            throw new IllegalStateException(citation + " fired with an empty Action cell");
        }
        return new CollectionDecision(outcome.action(), outcome.dunningLevel(), outcome.template(),
                outcome.waitDays(), outcome.priority(), outcome.candidateGroup(), outcome.reason(), citation);
    }

    /** The rows that fire, in order; exactly one unless the sheet lost its first-match-wins group. */
    List<Integer> firedRows(AccountSituation situation) {
        return table.firedRows(situation, new PathOutcome());
    }

    /**
     * Every row whose conditions fit, ignoring first-match-wins: nothing fires, so the activation
     * group cannot hide an overlap. The guard rows overlap the rows below them on purpose; this
     * shows which rows they override.
     */
    List<Integer> matchingRows(AccountSituation situation) {
        return table.matchingRows(situation, new PathOutcome());
    }

    /** Lowercase hex SHA-256 of the spreadsheet bytes. */
    public String version() {
        return table.sha256();
    }

    /** The stored version's id, or null when compiled outside the store. */
    public UUID versionId() {
        return table.versionId();
    }

    public String name() {
        return NAME;
    }
}
