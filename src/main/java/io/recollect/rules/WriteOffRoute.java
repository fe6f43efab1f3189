package io.recollect.rules;

/**
 * The write-off-approval table's answer for one request.
 *
 * @param approval       AUTO, or which group approves
 * @param candidateGroup who gets the approval task; null for AUTO
 * @param priority       the task's priority; 0 for AUTO
 * @param slaDays        days the approvers have to decide; 0 for AUTO
 * @param noticeTemplate the email template that tells the customer once posted, or null for no email
 * @param reason         short human text from the table, kept on the write-off
 * @param citation       the table version and row that decided
 */
public record WriteOffRoute(WriteOffApproval approval, String candidateGroup, int priority, int slaDays,
        String noticeTemplate, String reason, RuleCitation citation) {

    public boolean automatic() {
        return approval == WriteOffApproval.AUTO;
    }
}
