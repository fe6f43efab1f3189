package io.recollect.rules;

import java.math.BigDecimal;

/**
 * What the hardship-policy table looks at for one proposed payment plan. A plain bean because
 * Drools reads it by property name and managers see these names in the sheet.
 */
public class PlanProposal {

    /** CONSUMER, SMALL_BUSINESS, ENTERPRISE or PATIENT. */
    private String segment;
    /** A (safest) to D. */
    private String riskBand;
    /** What the plan is to pay off, in the account's currency. */
    private BigDecimal balance;
    /** The down payment as a percentage of the balance (0 to 100). */
    private BigDecimal downPaymentPercent;
    /** One regular instalment (the last one may be larger by the remainder). */
    private BigDecimal instalmentAmount;
    /** Whole months from the agreement to the last instalment, rounded up. */
    private int termMonths;
    /** The customer declared a monthly household income. */
    private boolean incomeKnown;
    /** The instalments due in a month as a percentage of the declared monthly household income; 0 when unknown. */
    private BigDecimal incomeSharePercent;
    /** Payment plans the customer broke before. */
    private int brokenPlans;

    public PlanProposal() {
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public String getRiskBand() {
        return riskBand;
    }

    public void setRiskBand(String riskBand) {
        this.riskBand = riskBand;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public void setBalance(BigDecimal balance) {
        this.balance = balance;
    }

    public BigDecimal getDownPaymentPercent() {
        return downPaymentPercent;
    }

    public void setDownPaymentPercent(BigDecimal downPaymentPercent) {
        this.downPaymentPercent = downPaymentPercent;
    }

    public BigDecimal getInstalmentAmount() {
        return instalmentAmount;
    }

    public void setInstalmentAmount(BigDecimal instalmentAmount) {
        this.instalmentAmount = instalmentAmount;
    }

    public int getTermMonths() {
        return termMonths;
    }

    public void setTermMonths(int termMonths) {
        this.termMonths = termMonths;
    }

    public boolean isIncomeKnown() {
        return incomeKnown;
    }

    public void setIncomeKnown(boolean incomeKnown) {
        this.incomeKnown = incomeKnown;
    }

    public BigDecimal getIncomeSharePercent() {
        return incomeSharePercent;
    }

    public void setIncomeSharePercent(BigDecimal incomeSharePercent) {
        this.incomeSharePercent = incomeSharePercent;
    }

    public int getBrokenPlans() {
        return brokenPlans;
    }

    public void setBrokenPlans(int brokenPlans) {
        this.brokenPlans = brokenPlans;
    }

    @Override
    public String toString() {
        return "PlanProposal[segment=" + segment + ", riskBand=" + riskBand + ", balance=" + balance
                + ", downPaymentPercent=" + downPaymentPercent + ", instalmentAmount=" + instalmentAmount
                + ", termMonths=" + termMonths + ", incomeKnown=" + incomeKnown + ", incomeSharePercent="
                + incomeSharePercent + ", brokenPlans=" + brokenPlans + "]";
    }
}
