package io.recollect.plans;

import java.util.EnumSet;
import java.util.Set;

/** Where a payment plan stands. */
public enum PlanStatus {
    /** A collector is agreeing the terms with the customer. */
    NEGOTIATING,
    /** Out of policy: a manager approves or rejects it. */
    AWAITING_APPROVAL,
    /** Agreed: its invoices are not dunned and payments go to its instalments. */
    ACTIVE,
    COMPLETED,
    BROKEN,
    /** The hardship-policy table refused the terms. */
    REFUSED,
    /** A manager rejected the terms. */
    REJECTED;

    /** The statuses in which a customer has "their" plan: no second one is started meanwhile. */
    static final Set<PlanStatus> OPEN = EnumSet.of(NEGOTIATING, AWAITING_APPROVAL, ACTIVE);
}
