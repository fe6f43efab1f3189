package io.recollect.rules;

/**
 * The collection-path table's answer for one account situation.
 *
 * @param action         what to do next
 * @param dunningLevel   which dunning email this is (1, 2, 3 ...); 0 when the action sends none
 * @param template       the email template to send, or {@code null} when the row names none
 * @param waitDays       days to wait before the situation is evaluated again
 * @param priority       priority of the task the action creates; 0 when it creates none
 * @param candidateGroup who gets that task, or {@code null} when the row names no group
 * @param reason         short human text from the table, for the case history
 * @param citation       the table version and row that decided, so the decision can be explained later
 */
public record CollectionDecision(CollectionAction action, int dunningLevel, String template, int waitDays,
        int priority, String candidateGroup, String reason, RuleCitation citation) {
}
