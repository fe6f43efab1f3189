package io.recollect.rules;

import java.util.UUID;

/**
 * Points at the exact rule that made a decision.
 *
 * @param table     the table's name, e.g. {@code collection-path}
 * @param version   lowercase hex SHA-256 of the spreadsheet bytes, so an edited file is a new version
 * @param row       1-based row number as Excel or LibreOffice shows it
 * @param label     the sheet's own name for the rule (its first column, e.g. {@code R12}), or null if the row has none
 * @param versionId the stored version it was decided with; null for a table compiled outside the store
 */
public record RuleCitation(String table, String version, int row, String label, UUID versionId) {

    /** "R12 (row 29)", or "row 29" for a row without a label. */
    public String rule() {
        return label == null ? "row " + row : label + " (row " + row + ")";
    }
}
