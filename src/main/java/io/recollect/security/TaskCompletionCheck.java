package io.recollect.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule of the modules whose processes own the tasks, asked by {@link TaskRequestGuard} before a
 * person completes a task over HTTP, so a refusal is a clear 403 problem rather than Camunda's 500
 * for a failing task listener. The same rules also hold in the listeners and services themselves,
 * for every other way a task is completed.
 */
public interface TaskCompletionCheck {

    /**
     * Why this user may not complete the task with these form values, or empty if they may.
     *
     * @param values the submitted form values, by field (String, Number, Boolean)
     */
    Optional<String> refusal(String taskId, String userId, Map<String, Object> values);

    /**
     * Why these form values cannot be accepted whoever sends them (terms that make no payment
     * plan, say), or empty if they can: a 422 problem instead of the engine's 500 for a failing
     * task listener, which checks the same again.
     */
    default Optional<String> invalid(String taskId, Map<String, Object> values) {
        return Optional.empty();
    }

    /**
     * What the person got wrong in the submitted values (a promise with no date, an invoice number
     * that does not exist): a 400 naming each field, where the listener would fail the engine's
     * command with a 500. None by default.
     */
    default List<TaskFormMistake> mistakes(String taskId, Map<String, Object> values) {
        return List.of();
    }
}
