package io.recollect.reconciliation;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV statement with a header row: ISO dates (2026-03-02), amounts with a decimal point. */
final class CsvStatements {

    private CsvStatements() {
    }

    static ParsedStatement parse(String text, CsvColumns columns) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(columns.delimiter()).setHeader()
                .setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String required : List.of(columns.lineId(), columns.bookedOn(), columns.amount(), columns.currency())) {
                if (!header.containsKey(required)) {
                    throw new StatementRefused("statement-missing-column", "The CSV has no column \"" + required
                            + "\"; its columns are " + header.keySet());
                }
            }
            List<StatementLine> lines = new ArrayList<>();
            List<BadLine> bad = new ArrayList<>();
            for (CSVRecord record : parser) {
                int lineNo = (int) record.getRecordNumber() + 1;
                try {
                    lines.add(line(record, lineNo, columns, header));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    bad.add(new BadLine(lineNo, "Line " + lineNo + ": " + e.getMessage()));
                }
            }
            return new ParsedStatement(StatementFormat.CSV, null, lines, bad);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new StatementRefused("statement-not-csv", "The file cannot be read as CSV: " + e.getMessage());
        }
    }

    private static StatementLine line(CSVRecord record, int lineNo, CsvColumns columns, Map<String, Integer> header) {
        String lineId = required(record, columns.lineId());
        String amountText = required(record, columns.amount());
        BigDecimal amount;
        try {
            amount = new BigDecimal(amountText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(columns.amount() + " \"" + amountText + "\" is not an amount like 120.50");
        }
        String date = required(record, columns.bookedOn());
        LocalDate booked;
        try {
            booked = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(columns.bookedOn() + " \"" + date + "\" is not a date like 2026-03-02");
        }
        return new StatementLine(lineNo, lineId, booked, amount, required(record, columns.currency()),
                optional(record, columns.reference(), header), optional(record, columns.payerName(), header),
                optional(record, columns.payerIban(), header));
    }

    private static String required(CSVRecord record, String column) {
        String value = record.isSet(column) ? record.get(column) : null;
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + column);
        }
        return value;
    }

    private static String optional(CSVRecord record, String column, Map<String, Integer> header) {
        if (!header.containsKey(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isBlank() ? null : value;
    }
}
