package io.recollect.invoicing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A service-code catalogue as CSV (RFC 4180: commas, double quotes, doubled quotes inside), with
 * the header {@code code,description}. Parsing checks every line and reports all bad ones at once.
 */
final class ServiceCodeCsv {

    static final int MAX_ROWS = 50_000;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9.-]{0,29}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

    record Row(String code, String description) {
    }

    /** One bad line: its number in the file (the header is line 1), the column, and what is wrong. */
    record LineError(int line, String field, String message) {
    }

    /** The file was refused; nothing of it was applied. */
    static final class InvalidCatalogueException extends RuntimeException {
        private final List<LineError> errors;

        InvalidCatalogueException(List<LineError> errors) {
            super("The catalogue has " + errors.size() + " invalid line(s)");
            this.errors = List.copyOf(errors);
        }

        List<LineError> errors() {
            return errors;
        }
    }

    private ServiceCodeCsv() {
    }

    static List<Row> parse(String csv) {
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = (csv == null ? "" : csv.replace("\uFEFF", "")).split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equalsIgnoreCase("code,description")) {
            throw new InvalidCatalogueException(List.of(new LineError(1, "header",
                    "the first line must be the header code,description")));
        }
        for (int i = 1; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = cells(lines[i]);
            if (cells == null) {
                errors.add(new LineError(lineNo, "line", "a quoted value is not closed"));
                continue;
            }
            if (cells.size() != 2) {
                errors.add(new LineError(lineNo, "line", "must have 2 values (code,description), has " + cells.size()));
                continue;
            }
            String code = cells.get(0).strip();
            String description = cells.get(1).strip();
            if (!CODE.matcher(code).matches()) {
                errors.add(new LineError(lineNo, "code",
                        "must be 1 to 30 capital letters, digits, '.' or '-', starting with a letter or digit"));
            } else if (seen.containsKey(code)) {
                errors.add(new LineError(lineNo, "code", "repeats the code of line " + seen.get(code)));
            }
            if (description.isEmpty()) {
                errors.add(new LineError(lineNo, "description", "must not be empty"));
            } else if (description.length() > 500) {
                errors.add(new LineError(lineNo, "description", "must be at most 500 characters"));
            } else if (CONTROL.matcher(description).find()) {
                errors.add(new LineError(lineNo, "description", "must not contain control characters"));
            }
            seen.putIfAbsent(code, lineNo);
            rows.add(new Row(code, description));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(2, "line", "the file has no codes"));
        }
        if (rows.size() > MAX_ROWS) {
            errors.add(new LineError(MAX_ROWS + 2, "line", "at most " + MAX_ROWS + " codes per file"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCatalogueException(errors.subList(0, Math.min(errors.size(), 100)));
        }
        return rows;
    }

    /** The values of one line, or null when a quote is left open. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}
