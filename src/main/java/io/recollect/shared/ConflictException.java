package io.recollect.shared;

/** The request clashes with what already exists (same key, other content). The API answers 409. */
public class ConflictException extends BusinessRuleException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
