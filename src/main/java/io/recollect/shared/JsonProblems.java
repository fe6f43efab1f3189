package io.recollect.shared;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Names the field a JSON reading failure is about, and says in a few words what it must be. */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** The field a JSON reading failure is about and what it must be, as {@code field} and {@code message}. */
    public static Optional<Map<String, String>> fieldError(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Optional.of(Map.of("field", fieldPath(mapping), "message", expectation(mapping)));
        }
        if (cause instanceof StreamReadException read && read.getProcessor() != null) {
            String field = fieldPath(read.getProcessor().getParsingContext());
            if (!field.isEmpty()) {
                boolean duplicate = String.valueOf(read.getOriginalMessage()).startsWith("Duplicate field");
                return Optional.of(Map.of("field", field,
                        "message", duplicate ? "appears more than once" : "is not valid JSON here"));
            }
        }
        return Optional.empty();
    }

    private static String expectation(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return String.valueOf(format.getOriginalMessage());
        }
        Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "cannot be read from the value given";
        }
        if (target == String.class) {
            return "must be a JSON string";
        }
        if (target == BigDecimal.class) {
            return "must be a decimal number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be a date as YYYY-MM-DD";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        return "cannot be read from the value given";
    }

    private static String fieldPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (var reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String fieldPath(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
            } else if (c.getCurrentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(c.getCurrentName());
            }
        }
        return path.toString();
    }
}
