package io.recollect.rules;

/**
 * One thing wrong with an uploaded workbook, where a manager finds it.
 *
 * @param sheet   the sheet's name as its tab shows it, or null for the file as a whole
 * @param cell    the A1 reference of the cell (or the row's first cell), or null when no cell is to blame
 * @param message what is wrong and what to do about it
 */
public record RuleTableProblem(String sheet, String cell, String message) {

    public static RuleTableProblem ofFile(String message) {
        return new RuleTableProblem(null, null, message);
    }

    @Override
    public String toString() {
        return (sheet == null ? "" : sheet + "!") + (cell == null ? "" : cell) + (sheet == null && cell == null ? "" : ": ")
                + message;
    }
}
