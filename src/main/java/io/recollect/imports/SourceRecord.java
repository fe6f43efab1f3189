package io.recollect.imports;

import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/** One record as read from the file: its value, or why it cannot be read. */
record SourceRecord(RecordKind kind, String file, int line, String key, Object value, List<ImportError> errors) {

    static SourceRecord bad(RecordKind kind, String file, int line, String key, String field, String message) {
        return new SourceRecord(kind, file, line, key, null, List.of(new ImportError(file, line, key, field, message)));
    }

    /** The value checked against its Bean Validation constraints, each broken one an error naming its field. */
    static SourceRecord checked(Validator validator, RecordKind kind, String file, int line, Object value) {
        String key = RecordKind.keyOf(value);
        List<ImportError> errors = validator.validate(value).stream()
                .map(v -> new ImportError(file, line, key, v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(ImportError::field)).toList();
        return new SourceRecord(kind, file, line, key, errors.isEmpty() ? value : null, errors);
    }

    boolean ok() {
        return errors.isEmpty();
    }
}
