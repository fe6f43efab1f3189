package io.recollect.writeoffs;

/** Why a debt is written off. Charity care is financial assistance, reported apart from bad debt. */
public enum WriteOffReason {
    UNCOLLECTABLE, DECEASED, BANKRUPT, SMALL_BALANCE, SETTLEMENT, CHARITY_CARE;

    /** Bad debt is what could not be collected; charity care was forgiven on purpose. */
    public boolean badDebt() {
        return this != CHARITY_CARE;
    }
}
