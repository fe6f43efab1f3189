package io.recollect.rules;

/**
 * The hardship-policy table's answer for one proposed plan.
 *
 * @param decision         approve, ask a manager, or refuse
 * @param candidateGroup   who approves when a manager must; null otherwise
 * @param priority         priority of the approval task; 0 when there is none
 * @param slaDays          days the approval task may take; 0 when there is none
 * @param graceDays        days after an instalment's due date before it counts as missed
 * @param breakAfterMisses missed instalments at which the plan is broken
 * @param reason           plain words the collector can read to the customer
 * @param citation         the table version and row that decided
 */
public record HardshipPolicyResult(PlanPolicyDecision decision, String candidateGroup, int priority, int slaDays,
        int graceDays, int breakAfterMisses, String reason, RuleCitation citation) {
}
