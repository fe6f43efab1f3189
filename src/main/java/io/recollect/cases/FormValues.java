package io.recollect.cases;

import io.recollect.shared.BusinessRuleException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads task form values as they arrive from Tasklist (strings, doubles, dates) or from the API,
 * failing with a message a collector understands.
 */
final class FormValues {

    private FormValues() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /** An optional note as ": note" to append to a summary, or nothing. */
    static String asSuffix(String note) {
        return note == null ? "" : ": " + note;
    }

    static String requiredText(VariableScope scope, String name, String label) {
        String value = text(scope, name);
        if (value == null) {
            throw new BusinessRuleException("missing-" + name, label + " is required");
        }
        return value;
    }

    static LocalDate requiredDate(VariableScope scope, String name, String label) {
        Object value = scope.getVariable(name);
        if (value instanceof Date date) {
            return new java.sql.Date(date.getTime()).toLocalDate();
        }
        String text = requiredText(scope, name, label);
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new BusinessRuleException("invalid-" + name, label + " must be a date (yyyy-mm-dd), not " + text);
        }
    }

    static BigDecimal requiredAmount(VariableScope scope, String name, String label) {
        String text = requiredText(scope, name, label);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BusinessRuleException("invalid-" + name, label + " must be an amount, not " + text);
        }
    }
}
