package io.recollect.rules;

/** What the hardship-policy table says about a proposed payment plan. */
public enum PlanPolicyDecision {
    /** Within policy: the plan starts without a manager. */
    APPROVE,
    /** Out of the standard terms: a manager approves or rejects it. */
    MANAGER,
    /** Outside what may be offered at all: the collector reads the reason to the customer. */
    REFUSE
}
