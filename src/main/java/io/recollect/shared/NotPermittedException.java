package io.recollect.shared;

/**
 * A well-formed request this user may not make, though someone else may (a long pause needs a
 * manager). The API answers 403 with the rule's code as problem type.
 */
public class NotPermittedException extends BusinessRuleException {

    public NotPermittedException(String code, String message) {
        super(code, message);
    }
}
