package io.recollect.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recollect.shared.JsonProblems;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV files of an import, one per sheet of a spreadsheet, each with a header row whose
 * column names are the JSON lines' field names. An invoice is one row per invoice line, a payment
 * one row per allocation: consecutive rows with the same number (external id) are one record,
 * and must agree on the record's own columns. Cells are read like JSON strings, so the same
 * checks and messages apply to both formats.
 */
final class CsvSource {

    static final List<String> CUSTOMER_COLUMNS = List.of("externalRef", "name", "email", "language", "segment",
            "riskBand", "currency", "phone");
    static final List<String> INVOICE_COLUMNS = List.of("number", "customer", "currency", "issueDate", "dueDate");
    static final List<String> LINE_COLUMNS = List.of("description", "quantity", "unitPrice", "taxRate", "serviceCode");
    static final List<String> PAYMENT_COLUMNS = List.of("externalId", "payer", "amount", "currency", "receivedOn",
            "method", "reference");
    static final List<String> ALLOCATION_COLUMNS = List.of("invoiceNumber", "allocatedAmount");
    private static final Pattern NESTED = Pattern.compile("(lines|allocations)\\[(\\d+)]\\.?(.*)");

    private final ObjectMapper json;
    private final Validator validator;

    CsvSource(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The file's records; a file whose header lacks a column is one error on line 1. */
    void read(RecordKind kind, InputStream in, Consumer<SourceRecord> sink) throws IOException {
        String file = kind.word + "s";
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
            List<String> columns = columns(kind);
            List<String> unknown = header.stream().filter(h -> !columns.contains(h)).toList();
            if (!unknown.isEmpty()) {
                sink.accept(SourceRecord.bad(kind, file, 1, null, unknown.get(0), "is not a column of " + file
                        + "; the columns are " + columns));
                return;
            }
            Group group = null;
            for (CSVRecord row : parser) {
                int lineNo = (int) parser.getCurrentLineNumber();
                Map<String, String> cells = cells(header, row);
                String key = blankToNull(cells.get(columns.get(0)));
                if (kind != RecordKind.CUSTOMER && group != null && key != null && key.equals(group.key)) {
                    group.add(cells, lineNo);
                    continue;
                }
                if (group != null) {
                    sink.accept(group.record());
                }
                group = new Group(kind, file, key, cells, lineNo);
                if (kind == RecordKind.CUSTOMER) {
                    sink.accept(group.record());
                    group = null;
                }
            }
            if (group != null) {
                sink.accept(group.record());
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            sink.accept(SourceRecord.bad(kind, file, 1, null, null, "cannot be read as CSV: " + e.getMessage()));
        }
    }

    private static List<String> columns(RecordKind kind) {
        List<String> all = new ArrayList<>();
        switch (kind) {
            case CUSTOMER -> all.addAll(CUSTOMER_COLUMNS);
            case INVOICE -> {
                all.addAll(INVOICE_COLUMNS);
                all.addAll(LINE_COLUMNS);
            }
            case PAYMENT -> {
                all.addAll(PAYMENT_COLUMNS);
                all.addAll(ALLOCATION_COLUMNS);
            }
        }
        return all;
    }

    private static Map<String, String> cells(List<String> header, CSVRecord row) {
        Map<String, String> cells = new java.util.HashMap<>();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            cells.put(header.get(i), row.get(i));
        }
        return cells;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The rows of one record: a customer's one, an invoice's lines, a payment's allocations. */
    private final class Group {

        private final RecordKind kind;
        private final String file;
        private final String key;
        private final Map<String, String> first;
        private final int firstLine;
        private final List<Integer> rowLines = new ArrayList<>();
        private final List<Map<String, String>> rows = new ArrayList<>();
        private final List<Integer> nestedLines = new ArrayList<>();
        private ImportError disagreement;

        Group(RecordKind kind, String file, String key, Map<String, String> cells, int lineNo) {
            this.kind = kind;
            this.file = file;
            this.key = key;
            this.first = cells;
            this.firstLine = lineNo;
            add(cells, lineNo);
        }

        void add(Map<String, String> cells, int lineNo) {
            List<String> own = kind == RecordKind.INVOICE ? INVOICE_COLUMNS : PAYMENT_COLUMNS;
            if (kind != RecordKind.CUSTOMER && disagreement == null) {
                for (String column : own) {
                    if (!java.util.Objects.equals(blankToNull(first.get(column)), blankToNull(cells.get(column)))) {
                        disagreement = new ImportError(file, lineNo, key, column, "differs from line " + firstLine
                                + " of the same " + kind.word);
                        break;
                    }
                }
            }
            rows.add(cells);
            rowLines.add(lineNo);
        }

        SourceRecord record() {
            if (disagreement != null) {
                return new SourceRecord(kind, file, disagreement.line(), key, null, List.of(disagreement));
            }
            ObjectNode object = json.createObjectNode();
            switch (kind) {
                case CUSTOMER -> CUSTOMER_COLUMNS.forEach(c -> put(object, c, first.get(c)));
                case INVOICE -> {
                    INVOICE_COLUMNS.forEach(c -> put(object, c, first.get(c)));
                    ArrayNode lines = object.putArray("lines");
                    nestedLines.addAll(rowLines);
                    rows.forEach(row -> {
                        ObjectNode line = lines.addObject();
                        LINE_COLUMNS.forEach(c -> put(line, c, row.get(c)));
                    });
                }
                case PAYMENT -> {
                    PAYMENT_COLUMNS.forEach(c -> put(object, c, first.get(c)));
                    ArrayNode allocations = object.putArray("allocations");
                    for (int i = 0; i < rows.size(); i++) {
                        Map<String, String> row = rows.get(i);
                        if (blankToNull(row.get("invoiceNumber")) != null || blankToNull(row.get("allocatedAmount")) != null) {
                            ObjectNode allocation = allocations.addObject();
                            put(allocation, "invoiceNumber", row.get("invoiceNumber"));
                            put(allocation, "amount", row.get("allocatedAmount"));
                            nestedLines.add(rowLines.get(i));
                        }
                    }
                }
            }
            try {
                return atRows(SourceRecord.checked(validator, kind, file, firstLine, json.treeToValue(object, kind.type)));
            } catch (UnrecognizedPropertyException e) {
                return SourceRecord.bad(kind, file, firstLine, key, e.getPropertyName(), "is not a column of " + file);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                Map<String, String> error = JsonProblems.fieldError(e).orElse(Map.of("message",
                        "cannot be read as a " + kind.word));
                return atRows(SourceRecord.bad(kind, file, firstLine, key, error.get("field"), error.get("message")));
            }
        }

        /** An error in the third line of an invoice points at that line's row and names its column. */
        private SourceRecord atRows(SourceRecord record) {
            if (record.ok()) {
                return record;
            }
            List<ImportError> errors = record.errors().stream().map(error -> {
                Matcher nested = error.field() == null ? null : NESTED.matcher(error.field());
                if (nested == null || !nested.matches()) {
                    return error;
                }
                int index = Integer.parseInt(nested.group(2));
                String column = nested.group(3).isEmpty() ? null
                        : "allocations".equals(nested.group(1)) && "amount".equals(nested.group(3)) ? "allocatedAmount"
                        : nested.group(3);
                return new ImportError(file, index < nestedLines.size() ? nestedLines.get(index) : firstLine, key, column,
                        error.message());
            }).toList();
            return new SourceRecord(record.kind(), file, record.line(), key, null, errors);
        }

        private void put(ObjectNode object, String field, String cell) {
            String value = blankToNull(cell);
            if (value != null) {
                object.put(field, value);
            }
        }
    }
}
