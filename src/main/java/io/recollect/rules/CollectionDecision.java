package io.recollect.rules;

/**
 * The collection-path table's answer for one account situation.
 *
 * @param action       what to do next
 * @param dunningLevel which reminder to send; 0 when the action is not a reminder
 * @param waitDays     days to wait before the situation is evaluated again
 * @param reason       short human text from the table, for the case history
 * @param citation     the table version and row that decided, so the decision can be explained later
 */
public record CollectionDecision(CollectionAction action, int dunningLevel, int waitDays, String reason,
        RuleCitation citation) {
}
