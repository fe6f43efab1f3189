package io.recollect.reconciliation;

/**
 * Which header of a CSV statement holds what; every field has a default header of its own name.
 * {@code reference}, {@code payerName} and {@code payerIban} may be absent from the file.
 */
public record CsvColumns(String lineId, String bookedOn, String amount, String currency, String reference,
        String payerName, String payerIban, char delimiter) {

    static CsvColumns of(String lineId, String bookedOn, String amount, String currency, String reference,
            String payerName, String payerIban, String delimiter) {
        return new CsvColumns(or(lineId, "lineId"), or(bookedOn, "bookedOn"), or(amount, "amount"),
                or(currency, "currency"), or(reference, "reference"), or(payerName, "payerName"),
                or(payerIban, "payerIban"), delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0));
    }

    private static String or(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given.trim();
    }
}
