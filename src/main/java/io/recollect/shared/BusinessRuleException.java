package io.recollect.shared;

/**
 * A request that is well formed but breaks a business rule (duplicate invoice number,
 * payment in another currency...). The API answers 422 with the rule's code as problem type.
 */
public class BusinessRuleException extends RuntimeException {

    private final String code;

    public BusinessRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
