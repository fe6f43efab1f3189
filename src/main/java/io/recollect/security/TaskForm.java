package io.recollect.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a deployed Camunda Form (processes/forms/*.form) declares, and the check of a
 * submission against them: only declared fields, each of its type, with its declared values and
 * limits. Values are never echoed back: they may be a patient's or customer's details.
 */
final class TaskForm {

    /** What a text field holds when the form sets no maxLength. */
    private static final int DEFAULT_MAX_LENGTH = 10_000;
    private static final Set<String> TEXT = Set.of("textfield", "textarea");
    private static final Set<String> CHOICE = Set.of("select", "radio");
    private static final Set<String> NUMBER_TYPES = Set.of("Double", "Integer", "Long", "Short");

    record Field(String key, String type, String subtype, List<String> values, boolean required, JsonNode validate) {
    }

    record Error(String field, String message) {
    }

    private final Map<String, Field> fields;

    private TaskForm(Map<String, Field> fields) {
        this.fields = fields;
    }

    /** A task without a form takes no values. */
    static TaskForm none() {
        return new TaskForm(Map.of());
    }

    static TaskForm parse(JsonNode form) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(form.path("components"), fields);
        return new TaskForm(fields);
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                List<String> values = new ArrayList<>();
                component.path("values").forEach(v -> values.add(v.path("value").asText()));
                JsonNode validate = component.path("validate");
                // A required field that the form can hide is required only when shown: the task's
                // listener knows when, so only unconditional ones are checked here.
                boolean required = validate.path("required").asBoolean(false) && !component.has("conditional");
                fields.put(component.get("key").asText(), new Field(component.get("key").asText(),
                        component.path("type").asText(), component.path("subtype").asText(null), values, required,
                        validate));
            }
            collect(component.path("components"), fields);
        }
    }

    /**
     * Checks the "variables" of a complete or submit-form request ({name: {value, type, valueInfo}}).
     * Empty when the submission may go through.
     */
    List<Error> check(JsonNode variables) {
        List<Error> errors = new ArrayList<>();
        if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            errors.add(new Error("variables", "must be an object of form fields"));
            return errors;
        }
        variables.fields().forEachRemaining(entry -> {
            Field field = fields.get(entry.getKey());
            String problem = field == null ? "is not a field of this task's form" : check(field, entry.getValue());
            if (problem != null) {
                errors.add(new Error(entry.getKey(), problem));
            }
        });
        for (Field field : fields.values()) {
            if (field.required() && blank(variables.path(field.key()).path("value"))) {
                errors.add(new Error(field.key(), "is required"));
            }
        }
        return errors;
    }

    private static String check(Field field, JsonNode variable) {
        if (!variable.isObject()) {
            return "must be given as {\"value\": ...}";
        }
        JsonNode valueInfo = variable.path("valueInfo");
        if (valueInfo.isObject() && !valueInfo.isEmpty()) {
            return "takes no valueInfo: form fields are plain values";
        }
        String type = variable.path("type").isTextual() ? variable.get("type").asText() : null;
        JsonNode value = variable.path("value");
        if (value.isNull() || value.isMissingNode()) {
            return field.required() ? "is required" : type == null || "Null".equals(type) || expectedType(field, type)
                    ? null : "must be of type " + typeName(field);
        }
        if (type != null && !expectedType(field, type)) {
            return "must be of type " + typeName(field) + ", not " + type;
        }
        if (TEXT.contains(field.type())) {
            return text(field, value);
        }
        if (CHOICE.contains(field.type())) {
            return value.isTextual() && field.values().contains(value.asText()) ? null
                    : "must be one of " + field.values();
        }
        return switch (field.type()) {
            case "number" -> number(field, value);
            case "checkbox" -> value.isBoolean() ? null : "must be true or false";
            case "datetime" -> dateTime(field, value);
            default -> "is a " + field.type() + " field, which Recollect does not accept yet";
        };
    }

    private static boolean expectedType(Field field, String type) {
        return switch (field.type()) {
            case "number" -> NUMBER_TYPES.contains(type);
            case "checkbox" -> "Boolean".equals(type);
            case "datetime" -> "String".equals(type) || "Date".equals(type);
            default -> "String".equals(type);
        };
    }

    private static String typeName(Field field) {
        return switch (field.type()) {
            case "number" -> "Double";
            case "checkbox" -> "Boolean";
            default -> "String";
        };
    }

    private static String text(Field field, JsonNode value) {
        if (!value.isTextual()) {
            return "must be text";
        }
        int max = field.validate().path("maxLength").asInt(DEFAULT_MAX_LENGTH);
        if (value.asText().length() > max) {
            return "must be at most " + max + " characters";
        }
        int min = field.validate().path("minLength").asInt(0);
        return value.asText().length() < min ? "must be at least " + min + " characters" : null;
    }

    private static String number(Field field, JsonNode value) {
        if (!value.isNumber()) {
            return "must be a number";
        }
        JsonNode min = field.validate().path("min");
        if (min.isNumber() && value.decimalValue().compareTo(min.decimalValue()) < 0) {
            return "must be at least " + min.asText();
        }
        JsonNode max = field.validate().path("max");
        if (max.isNumber() && value.decimalValue().compareTo(max.decimalValue()) > 0) {
            return "must be at most " + max.asText();
        }
        return null;
    }

    private static String dateTime(Field field, JsonNode value) {
        if (!value.isTextual()) {
            return "must be a date";
        }
        String text = value.asText();
        try {
            switch (field.subtype() == null ? "datetime" : field.subtype()) {
                case "date" -> LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
                case "time" -> LocalTime.parse(text);
                default -> OffsetDateTime.parse(text);
            }
            return null;
        } catch (DateTimeParseException e) {
            return "date".equals(field.subtype()) ? "must be a date (yyyy-mm-dd)" : "must be a date and time (ISO 8601)";
        }
    }

    private static boolean blank(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank();
    }
}
