package io.recollect.plans;

import io.recollect.rules.HardshipPolicyResult;
import io.recollect.shared.Money;
import java.util.List;

/**
 * A proposal's schedule and what the hardship-policy table would say, before anything is recorded.
 *
 * @param policy the table's answer now (approve, a manager, or refused with its reason)
 */
public record PlanPreview(Money balance, List<PlanSchedule.Instalment> instalments, int termMonths,
        HardshipPolicyResult policy) {
}
