package io.recollect.rules;

import java.math.BigDecimal;

/**
 * The write-off-approval table's fact: a write-off request as it was made. A bean with named
 * setters, not a record, because managers read these names in the spreadsheet's headers.
 *
 * amount: the request's total, in the account's currency; reason: UNCOLLECTABLE, DECEASED,
 * BANKRUPT, SMALL_BALANCE, SETTLEMENT or CHARITY_CARE; segment: the customer's segment;
 * daysPastDue: days past due of the oldest invoice in the request.
 */
public class WriteOffProposal {

    private BigDecimal amount = BigDecimal.ZERO;
    private String reason;
    private String segment;
    private int daysPastDue;

    public static WriteOffProposal of(BigDecimal amount, String reason, String segment, int daysPastDue) {
        WriteOffProposal proposal = new WriteOffProposal();
        proposal.setAmount(amount);
        proposal.setReason(reason);
        proposal.setSegment(segment);
        proposal.setDaysPastDue(daysPastDue);
        return proposal;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public int getDaysPastDue() {
        return daysPastDue;
    }

    public void setDaysPastDue(int daysPastDue) {
        this.daysPastDue = daysPastDue;
    }

    @Override
    public String toString() {
        return "WriteOffProposal[amount=" + amount + ", reason=" + reason + ", segment=" + segment
                + ", daysPastDue=" + daysPastDue + "]";
    }
}
