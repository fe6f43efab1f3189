package io.recollect.rules;

import org.springframework.stereotype.Service;

/**
 * Routes a write-off request with the active version of the {@code write-off-approval} table
 * (read from the version store, so an activation is used at once on every node). The route and
 * its citation are kept on the write-off itself, so each approval can be explained later.
 */
@Service
public class WriteOffApprovalDecisions {

    private final ActiveRuleTables active;
    private final WriteOffApprovalRules definition;

    WriteOffApprovalDecisions(ActiveRuleTables active, WriteOffApprovalRules definition) {
        this.active = active;
        this.definition = definition;
    }

    /** @throws NoMatchingRuleException when no row covers the request */
    public WriteOffRoute decide(WriteOffProposal proposal) {
        return active.get(definition).decide(proposal);
    }
}
