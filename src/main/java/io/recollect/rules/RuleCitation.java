package io.recollect.rules;

/**
 * Points at the exact spreadsheet row that made a decision.
 *
 * @param table   the table's name, e.g. {@code collection-path}
 * @param version lowercase hex SHA-256 of the spreadsheet bytes, so an edited file is a new version
 * @param row     1-based row number as Excel or LibreOffice shows it
 */
public record RuleCitation(String table, String version, int row) {
}
