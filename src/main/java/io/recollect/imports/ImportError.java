package io.recollect.imports;

/**
 * A line that could not be imported: {@code file} is the CSV part (null for JSON lines),
 * {@code key} the record's own id (external ref, invoice number, payment id) when it has one,
 * {@code field} the field at fault when one is.
 */
public record ImportError(String file, int line, String key, String field, String message) {
}
