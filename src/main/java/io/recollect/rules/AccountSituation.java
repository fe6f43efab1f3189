package io.recollect.rules;

import java.math.BigDecimal;

/**
 * What the collection-path table looks at for one overdue account.
 * A plain bean because Drools reads it by property name and managers see these names in the sheet.
 */
public class AccountSituation {

    /** Days the oldest overdue item is past its due date; at least 1 for an overdue account. */
    private int daysPastDue;

    /** Sum of the overdue open amounts, in the account's currency. */
    private BigDecimal overdueAmount;

    /** Dunning emails already sent in this collection case. */
    private int remindersSent;

    public AccountSituation() {
    }

    public AccountSituation(int daysPastDue, BigDecimal overdueAmount, int remindersSent) {
        this.daysPastDue = daysPastDue;
        this.overdueAmount = overdueAmount;
        this.remindersSent = remindersSent;
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

    public int getRemindersSent() {
        return remindersSent;
    }

    public void setRemindersSent(int remindersSent) {
        this.remindersSent = remindersSent;
    }

    @Override
    public String toString() {
        return "AccountSituation[daysPastDue=" + daysPastDue
                + ", overdueAmount=" + (overdueAmount == null ? null : overdueAmount.toPlainString())
                + ", remindersSent=" + remindersSent + "]";
    }
}
