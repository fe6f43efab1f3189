package io.recollect.plans;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What collections needs to know about a batch of accounts' plans, read with a fixed number of
 * queries whatever the batch size.
 *
 * @param activePlanInvoices per customer with a running plan, the invoices it covers
 * @param brokenPlans        per customer, the plans they broke (absent: none)
 */
public record PlanFacts(Map<UUID, Set<UUID>> activePlanInvoices, Map<UUID, Integer> brokenPlans) {

    public static final PlanFacts NONE = new PlanFacts(Map.of(), Map.of());

    public boolean activePlan(UUID customerId) {
        return activePlanInvoices.containsKey(customerId);
    }

    public Set<UUID> planInvoices(UUID customerId) {
        return activePlanInvoices.getOrDefault(customerId, Set.of());
    }

    public int brokenPlans(UUID customerId) {
        return brokenPlans.getOrDefault(customerId, 0);
    }
}
