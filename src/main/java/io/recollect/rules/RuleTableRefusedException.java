package io.recollect.rules;

/**
 * An upload refused before it becomes a version: not an xlsx workbook, too large, a zip bomb,
 * formulas in rule cells. Nothing is stored; the refusal is on the audit trail.
 */
public class RuleTableRefusedException extends RuntimeException {

    /** Why, so the API can answer with the fitting status. */
    public enum Reason {
        NOT_XLSX, MACROS, TOO_LARGE, ZIP_BOMB, FORMULAS, EMPTY
    }

    private final Reason reason;

    public RuleTableRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
