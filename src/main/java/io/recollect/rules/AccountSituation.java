package io.recollect.rules;

import java.math.BigDecimal;

/**
 * What the collection-path table looks at for one overdue account.
 * A plain bean because Drools reads it by property name and managers see these names in the sheet.
 */
public class AccountSituation {

    /** Days the oldest overdue, undisputed, unpaused item is past its due date. */
    private int daysPastDue;
    /** Sum of the overdue open amounts that are neither disputed nor paused, in the account's currency. */
    private BigDecimal overdueAmount;
    /**
     * CONSUMER, SMALL_BUSINESS, ENTERPRISE or PATIENT. Any other value, or none, fits no dunning row,
     * so the table reports a gap instead of guessing.
     */
    private String segment;
    /** A (safest) to D. */
    private String riskBand;
    /** Dunning emails (reminders and final notices) already sent in this collection case. */
    private int remindersSent;
    /** Days since the case's last acting step, or since it opened when nothing has acted yet. */
    private int daysSinceLastAction;
    /** Days left of the wait the last acting step set; 0 when that wait is over or there is none. */
    private int daysUntilNextStep;
    /** Promises to pay broken in this case. */
    private int brokenPromises;
    /** A promise to pay is pending. */
    private boolean openPromise;
    /** Payment plans the customer broke before (the hardship-plan process counts them). */
    private int brokenPlans;
    /** A payment plan is running: its invoices count neither in the amount nor in the days past due. */
    private boolean activePlan;
    /** An overdue invoice is disputed. */
    private boolean openDispute;
    /** The customer reported hardship. */
    private boolean hardship;
    /** Dunning is paused for the customer, or for every overdue item. */
    private boolean dunningPaused;
    /** The account is with the collection agency. */
    private boolean handedToAgency;

    public AccountSituation() {
    }

    public AccountSituation(int daysPastDue, BigDecimal overdueAmount, String segment, String riskBand,
            int remindersSent, int daysSinceLastAction, int daysUntilNextStep, int brokenPromises,
            boolean openPromise, boolean activePlan, boolean openDispute, boolean hardship, boolean dunningPaused,
            boolean handedToAgency) {
        this.daysPastDue = daysPastDue;
        this.overdueAmount = overdueAmount;
        this.segment = segment;
        this.riskBand = riskBand;
        this.remindersSent = remindersSent;
        this.daysSinceLastAction = daysSinceLastAction;
        this.daysUntilNextStep = daysUntilNextStep;
        this.brokenPromises = brokenPromises;
        this.openPromise = openPromise;
        this.activePlan = activePlan;
        this.openDispute = openDispute;
        this.hardship = hardship;
        this.dunningPaused = dunningPaused;
        this.handedToAgency = handedToAgency;
    }

    public int getDaysPastDue() {
        return daysPastDue;
    }

    public void setDaysPastDue(int daysPastDue) {
        this.daysPastDue = daysPastDue;
    }

    public BigDecimal getOverdueAmount() {
        return overdueAmount;
    }

    public void setOverdueAmount(BigDecimal overdueAmount) {
        this.overdueAmount = overdueAmount;
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

    public int getRemindersSent() {
        return remindersSent;
    }

    public void setRemindersSent(int remindersSent) {
        this.remindersSent = remindersSent;
    }

    public int getDaysSinceLastAction() {
        return daysSinceLastAction;
    }

    public void setDaysSinceLastAction(int daysSinceLastAction) {
        this.daysSinceLastAction = daysSinceLastAction;
    }

    public int getDaysUntilNextStep() {
        return daysUntilNextStep;
    }

    public void setDaysUntilNextStep(int daysUntilNextStep) {
        this.daysUntilNextStep = daysUntilNextStep;
    }

    public int getBrokenPromises() {
        return brokenPromises;
    }

    public void setBrokenPromises(int brokenPromises) {
        this.brokenPromises = brokenPromises;
    }

    public boolean isOpenPromise() {
        return openPromise;
    }

    public void setOpenPromise(boolean openPromise) {
        this.openPromise = openPromise;
    }

    public int getBrokenPlans() {
        return brokenPlans;
    }

    public void setBrokenPlans(int brokenPlans) {
        this.brokenPlans = brokenPlans;
    }

    public boolean isActivePlan() {
        return activePlan;
    }

    public void setActivePlan(boolean activePlan) {
        this.activePlan = activePlan;
    }

    public boolean isOpenDispute() {
        return openDispute;
    }

    public void setOpenDispute(boolean openDispute) {
        this.openDispute = openDispute;
    }

    public boolean isHardship() {
        return hardship;
    }

    public void setHardship(boolean hardship) {
        this.hardship = hardship;
    }

    public boolean isDunningPaused() {
        return dunningPaused;
    }

    public void setDunningPaused(boolean dunningPaused) {
        this.dunningPaused = dunningPaused;
    }

    public boolean isHandedToAgency() {
        return handedToAgency;
    }

    public void setHandedToAgency(boolean handedToAgency) {
        this.handedToAgency = handedToAgency;
    }

    @Override
    public String toString() {
        return "AccountSituation[daysPastDue=" + daysPastDue
                + ", overdueAmount=" + (overdueAmount == null ? null : overdueAmount.toPlainString())
                + ", segment=" + segment + ", riskBand=" + riskBand + ", remindersSent=" + remindersSent
                + ", daysSinceLastAction=" + daysSinceLastAction + ", daysUntilNextStep=" + daysUntilNextStep
                + ", brokenPromises=" + brokenPromises + ", openPromise=" + openPromise
                + ", brokenPlans=" + brokenPlans + ", activePlan=" + activePlan + ", openDispute=" + openDispute + ", hardship=" + hardship
                + ", dunningPaused=" + dunningPaused + ", handedToAgency=" + handedToAgency + "]";
    }
}
