package io.recollect.plans;

import io.recollect.shared.BusinessRuleException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the plan tasks' form fields; a wrong value fails the completion with words for the collector. */
final class PlanFormValues {

    private PlanFormValues() {
    }

    static UUID planId(String businessKey) {
        return UUID.fromString(businessKey);
    }

    /** Who completed a task: the user the engine authenticated (Tasklist, REST), else its assignee. */
    static String actor(org.camunda.bpm.engine.delegate.DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : io.recollect.shared.Actors.SYSTEM;
    }

    static PlanTerms terms(VariableScope scope) {
        return terms(scope::getVariable);
    }

    /** The same from submitted form values, before they reach the engine. */
    static PlanTerms terms(java.util.function.Function<String, Object> scope) {
        return new PlanTerms(amount(scope, HardshipPlanProcess.VAR_DOWN_PAYMENT, "The down payment", false),
                whole(scope, HardshipPlanProcess.VAR_INSTALMENTS, "The number of instalments"),
                frequency(scope), date(scope, HardshipPlanProcess.VAR_FIRST_DUE_DATE, "The first due date"),
                amount(scope, HardshipPlanProcess.VAR_MONTHLY_INCOME, "The monthly household income", false));
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static BigDecimal amount(java.util.function.Function<String, Object> scope, String name, String label, boolean required) {
        Object value = scope.apply(name);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw invalid(name, label + " is required");
            }
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw invalid(name, label + " must be an amount, not " + value);
        }
    }

    private static int whole(java.util.function.Function<String, Object> scope, String name, String label) {
        BigDecimal value = amount(scope, name, label, true);
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw invalid(name, label + " must be a whole number, not " + value.toPlainString());
        }
    }

    private static PlanFrequency frequency(java.util.function.Function<String, Object> scope) {
        Object raw = scope.apply(HardshipPlanProcess.VAR_FREQUENCY);
        String value = raw == null ? null : raw.toString();
        return Arrays.stream(PlanFrequency.values()).filter(f -> f.name().equals(value)).findFirst()
                .orElseThrow(() -> invalid(HardshipPlanProcess.VAR_FREQUENCY, "How often must be one of "
                        + Arrays.toString(PlanFrequency.values()) + ", not " + value));
    }

    private static LocalDate date(java.util.function.Function<String, Object> scope, String name, String label) {
        Object value = scope.apply(name);
        if (value instanceof Date date) {
            return new java.sql.Date(date.getTime()).toLocalDate();
        }
        if (value == null) {
            throw invalid(name, label + " is required");
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw invalid(name, label + " must be a date (yyyy-mm-dd), not " + text);
        }
    }

    private static BusinessRuleException invalid(String field, String message) {
        return new BusinessRuleException("invalid-" + field, message);
    }
}
