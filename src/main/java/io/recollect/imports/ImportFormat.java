package io.recollect.imports;

/** How a history file is written: see README, "Onboarding a portfolio with its history". */
public enum ImportFormat {
    /** One JSON record per line, {@code type} customer, invoice or payment. */
    JSON_LINES,
    /** Up to three CSV files (customers, invoices, payments), one spreadsheet sheet each. */
    CSV
}
