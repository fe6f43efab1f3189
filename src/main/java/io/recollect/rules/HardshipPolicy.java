package io.recollect.rules;

import org.springframework.stereotype.Component;

/**
 * Checks a proposed payment plan with the active version of the {@code hardship-policy} table
 * (read from the version store, so an activation is used at once on every node).
 */
@Component
public class HardshipPolicy {

    private final ActiveRuleTables active;
    private final HardshipPolicyRules definition;

    HardshipPolicy(ActiveRuleTables active, HardshipPolicyRules definition) {
        this.active = active;
        this.definition = definition;
    }

    /** @throws NoMatchingRuleException when no row covers the proposal */
    public HardshipPolicyResult decide(PlanProposal proposal) {
        return active.get(definition).decide(proposal);
    }

    /** Compiles spreadsheet bytes outside the version store, e.g. in a test that edits the sheet. */
    public static HardshipPolicyTable compile(byte[] xlsx) {
        return HardshipPolicyTable.compile(xlsx);
    }
}
