package io.recollect.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.recollect.rules.RuleTableDefinition;
import io.recollect.rules.RuleTableException;
import io.recollect.rules.RuleTableProblem;

/**
 * Every check a version must pass to become a candidate, in the order a manager fixes them:
 * the cells, then what Drools says compiling it, then the table's own checks and the workbook's
 * {@code Examples}. Empty when it passes.
 */
public final class UploadChecks {

    private static final Pattern ROWS = Pattern.compile("^rows? ([\\d, ]+): (.*)$", Pattern.DOTALL);

    private UploadChecks() {
    }

    public static <T> List<RuleTableProblem> check(RuleTableDefinition<T> definition, byte[] xlsx) {
        Optional<RuleSheet> sheet;
        try {
            sheet = RuleSheet.read(xlsx);
        } catch (RuntimeException e) {
            return List.of(RuleTableProblem.ofFile("the workbook cannot be read (" + e.getMessage()
                    + "); save it again from Excel or LibreOffice as .xlsx"));
        }
        if (sheet.isEmpty()) {
            return List.of(RuleTableProblem.ofFile("no sheet holds a \"RuleTable\" cell, so the workbook has no"
                    + " rules; start from the downloaded active version and edit its rule rows"));
        }
        List<RuleTableProblem> cells = CellChecks.check(sheet.get(), definition.words());
        if (!cells.isEmpty()) {
            return cells;
        }
        T compiled;
        try {
            compiled = definition.compile(xlsx, null);
        } catch (RuleTableException e) {
            return e.messages().stream().flatMap(m -> locate(sheet.get(), m).stream()).toList();
        }
        List<RuleTableProblem> problems = new ArrayList<>(definition.check(xlsx, compiled));
        problems.addAll(ExamplesSheet.check(xlsx, compiled, definition.examples()));
        return problems;
    }

    /** "row 25: ..." from the compiler, as a problem at that row's first cell (its label). */
    private static List<RuleTableProblem> locate(RuleSheet sheet, String message) {
        Matcher m = ROWS.matcher(message);
        if (!m.find()) {
            return List.of(new RuleTableProblem(sheet.sheetName(),
                    RuleSheet.a1(sheet.tableRow(), sheet.firstColumn()), message));
        }
        int column = Math.max(0, sheet.firstColumn() - 1);
        List<RuleTableProblem> problems = new ArrayList<>();
        Function<Integer, String> label = row -> sheet.text(row - 1, column).strip();
        for (String row : m.group(1).split(",\\s*")) {
            int number = Integer.parseInt(row.strip());
            String name = label.apply(number);
            problems.add(new RuleTableProblem(sheet.sheetName(), RuleSheet.a1(number - 1, column),
                    (name.isEmpty() ? "" : name + ": ") + m.group(2)));
        }
        return problems;
    }
}
