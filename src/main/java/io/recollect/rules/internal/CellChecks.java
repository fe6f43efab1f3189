package io.recollect.rules.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.recollect.rules.RuleTableProblem;

/**
 * The checks that read the sheet as its author does, cell by cell, so each problem names its
 * cell: words are known, numbers are numbers, a lower bound lies below its upper bound, and no
 * row is covered by a row above it (it could never fire, since the first match wins).
 */
public final class CellChecks {

    private static final Pattern COMPARISON = Pattern.compile("^(\\w+)\\s*(>=|<=|<|>|==)\\s*\\$param");
    private static final Pattern WORD = Pattern.compile("(\\w+)\\.\\$(?:param)?\\b|(\\w+)\\.\\$\\}");
    private static final Pattern NUMERIC_ACTION = Pattern.compile("\\(\\s*\\$param\\s*\\)");

    private final RuleSheet sheet;
    private final Map<String, Set<String>> words;
    private final List<RuleTableProblem> problems = new ArrayList<>();

    private CellChecks(RuleSheet sheet, Map<String, Set<String>> words) {
        this.sheet = sheet;
        this.words = words;
    }

    public static List<RuleTableProblem> check(RuleSheet sheet, Map<String, Set<String>> words) {
        CellChecks checks = new CellChecks(sheet, words);
        checks.run();
        return List.copyOf(checks.problems);
    }

    private void run() {
        List<Integer> rows = sheet.ruleRows();
        if (rows.isEmpty()) {
            problems.add(at(sheet.tableRow(), sheet.firstColumn(), "the RuleTable has no rule rows below its header"
                    + " row " + (sheet.headerRow() + 1) + "; fill in at least one row directly below it"));
            return;
        }
        for (int row : rows) {
            for (int c = sheet.firstColumn(); c <= sheet.lastColumn(); c++) {
                checkCell(row, c);
            }
            checkRanges(row);
        }
        if (problems.isEmpty()) {
            checkReachable(rows);
        }
    }

    private void checkCell(int row, int column) {
        String value = sheet.text(row, column).strip();
        String snippet = sheet.snippet(column);
        if (value.isEmpty() || snippet.isEmpty()) {
            return;
        }
        Matcher word = WORD.matcher(snippet);
        if (word.find()) {
            String list = word.group(1) != null ? word.group(1) : word.group(2);
            Set<String> known = words.get(list);
            if (known != null) {
                for (String item : value.split(",")) {
                    if (!known.contains(item.strip())) {
                        problems.add(at(row, column, "\"" + item.strip() + "\" is not a known word for "
                                + header(column) + "; use one of " + new TreeSet<>(known)));
                    }
                }
            }
            return;
        }
        boolean numeric = COMPARISON.matcher(snippet).find()
                || (sheet.kind(column).equals("ACTION") && NUMERIC_ACTION.matcher(snippet).find());
        if (numeric && number(value) == null) {
            problems.add(at(row, column, "\"" + value + "\" is not a number; " + header(column)
                    + " takes a number such as 30 or 10.50 (no currency sign or thousands separator)"));
        }
    }

    /** A lower bound ("at least", >=) must lie below the upper bound ("below" <, "at most" <=) of the same fact. */
    private void checkRanges(int row) {
        Map<String, Integer> lower = new HashMap<>();
        Map<String, Integer> upper = new HashMap<>();
        for (int c = sheet.firstColumn(); c <= sheet.lastColumn(); c++) {
            if (!sheet.kind(c).equals("CONDITION")) {
                continue;
            }
            Matcher m = COMPARISON.matcher(sheet.snippet(c));
            if (m.find() && number(sheet.text(row, c)) != null) {
                if (m.group(2).startsWith(">")) {
                    lower.put(m.group(1), c);
                } else if (m.group(2).startsWith("<")) {
                    upper.put(m.group(1), c);
                }
            }
        }
        lower.forEach((fact, lowColumn) -> {
            Integer highColumn = upper.get(fact);
            if (highColumn == null) {
                return;
            }
            BigDecimal low = number(sheet.text(row, lowColumn));
            BigDecimal high = number(sheet.text(row, highColumn));
            boolean inclusive = sheet.snippet(highColumn).matches("^\\w+\\s*<=.*") && sheet.snippet(lowColumn).matches("^\\w+\\s*>=.*");
            if (inclusive ? low.compareTo(high) > 0 : low.compareTo(high) >= 0) {
                problems.add(at(row, lowColumn, header(lowColumn) + " " + low.toPlainString() + " is not below "
                        + header(highColumn) + " " + high.toPlainString() + " (" + RuleSheet.a1(row, highColumn)
                        + "), so the row can match no account; swap or correct the two bounds"));
            }
        });
    }

    /**
     * A row every account of which the rows above already take can never fire: one row as wide in
     * each condition, or several together, over every class of input values (see {@link RowSpace}).
     */
    private void checkReachable(List<Integer> rows) {
        Optional<RowSpace> space = RowSpace.of(sheet, words);
        for (int j = 1; j < rows.size(); j++) {
            int row = rows.get(j);
            Optional<Integer> one = rows.subList(0, j).stream().filter(above -> covers(above, row)).findFirst();
            if (one.isPresent()) {
                int above = one.get();
                problems.add(at(row, labelColumn(), "this row can never fire: " + name(above)
                        + " above it matches every account it matches, and the first match wins;"
                        + " move it above " + name(above) + ", narrow " + name(above) + " or delete this row"));
                continue;
            }
            space.flatMap(s -> s.coveredBy(row)).ifPresent(above -> {
                String names = String.join(", ", above.stream().map(this::name).toList());
                problems.add(at(row, labelColumn(), "this row can never fire: together " + names
                        + " above it match every account it matches, and the first match wins;"
                        + " move it above them, narrow one of them or delete this row"));
            });
        }
    }

    private boolean covers(int above, int below) {
        for (int c = sheet.firstColumn(); c <= sheet.lastColumn(); c++) {
            if (!sheet.kind(c).equals("CONDITION")) {
                continue;
            }
            String wide = sheet.text(above, c).strip();
            String narrow = sheet.text(below, c).strip();
            if (wide.isEmpty()) {
                continue;
            }
            if (narrow.isEmpty()) {
                return false;
            }
            String snippet = sheet.snippet(c);
            Matcher m = COMPARISON.matcher(snippet);
            BigDecimal w = number(wide);
            BigDecimal n = number(narrow);
            if (m.find() && w != null && n != null) {
                int cmp = w.compareTo(n);
                boolean ok = switch (m.group(2)) {
                    case ">=", ">" -> cmp <= 0;
                    case "<=", "<" -> cmp >= 0;
                    default -> cmp == 0;
                };
                if (!ok) {
                    return false;
                }
            } else if (!items(wide).containsAll(items(narrow))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> items(String cell) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : cell.split(",")) {
            items.add(item.strip());
        }
        return items;
    }

    private String name(int row) {
        String label = sheet.text(row, labelColumn()).strip();
        return label.isEmpty() ? "row " + (row + 1) : label + " (row " + (row + 1) + ")";
    }

    private int labelColumn() {
        return Math.max(0, sheet.firstColumn() - 1);
    }

    private String header(int column) {
        String header = sheet.header(column);
        return header.isEmpty() ? "column " + RuleSheet.a1(0, column).replaceAll("\\d", "") : "\"" + header + "\"";
    }

    private RuleTableProblem at(int row, int column, String message) {
        return new RuleTableProblem(sheet.sheetName(), RuleSheet.a1(row, column), message);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
