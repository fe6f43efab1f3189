package io.recollect.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recollect.shared.JsonProblems;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * JSON lines: one record per line, {@code "type"} customer, invoice or payment, the other fields
 * as the API's own requests name them. Read as strictly as the API reads JSON, and an unknown
 * field is an error too: a misspelt field in years of history would otherwise vanish unseen.
 */
final class JsonLinesSource {

    private final ObjectMapper json;
    private final Validator validator;

    JsonLinesSource(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    void read(InputStream in, Consumer<SourceRecord> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int lineNo = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            lineNo++;
            if (lineNo == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!text.isBlank()) {
                sink.accept(record(text, lineNo));
            }
        }
    }

    private SourceRecord record(String text, int lineNo) {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JsonProcessingException e) {
            String field = JsonProblems.fieldError(e).map(m -> m.get("field")).orElse(null);
            return SourceRecord.bad(null, null, lineNo, null, field, "is not valid JSON"
                    + (field == null ? "" : " at this field"));
        }
        if (!(tree instanceof ObjectNode object)) {
            return SourceRecord.bad(null, null, lineNo, null, null, "must be a JSON object");
        }
        JsonNode type = object.remove("type");
        RecordKind kind = type != null && type.isTextual() ? RecordKind.of(type.asText()) : null;
        if (kind == null) {
            return SourceRecord.bad(null, null, lineNo, null, "type", "must be customer, invoice or payment");
        }
        try {
            return SourceRecord.checked(validator, kind, null, lineNo, json.treeToValue(object, kind.type));
        } catch (UnrecognizedPropertyException e) {
            return SourceRecord.bad(kind, null, lineNo, text(object, kind), e.getPropertyName(),
                    "is not a field of a " + kind.word + " record");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Map<String, String> error = JsonProblems.fieldError(e).orElse(Map.of("message", "is not a " + kind.word
                    + " record of the expected shape"));
            return SourceRecord.bad(kind, null, lineNo, text(object, kind), error.get("field"), error.get("message"));
        }
    }

    private static String text(ObjectNode object, RecordKind kind) {
        String field = switch (kind) {
            case CUSTOMER -> "externalRef";
            case INVOICE -> "number";
            case PAYMENT -> "externalId";
        };
        JsonNode key = object.get(field);
        return key != null && key.isTextual() ? key.asText() : null;
    }
}
