package io.recollect.plans;

import io.recollect.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payment plan as the account API and other modules see it.
 *
 * @param balance      what the plan pays off; null before the terms are proposed
 * @param paid         paid towards it so far
 * @param policyReason the hardship-policy table's reason (read to the customer when refused)
 * @param missed       instalments missed so far
 */
public record PlanView(UUID id, UUID customerId, PlanStatus status, String source, String negotiatedBy,
        String approvedBy, Money balance, Money paid, PlanFrequency frequency, String policyDecision,
        String policyReason, int graceDays, int breakAfterMisses, int missed, Instant createdAt, Instant agreedAt,
        Instant endedAt, List<InstalmentView> instalments) {
}
