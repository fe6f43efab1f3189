package io.recollect.rules.internal;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools names each decision-table rule "{RuleTable name}_{row}", where row is the 1-based
 * spreadsheet row (what Excel shows), e.g. "Collection path_15". Reading the row back from the
 * name keeps citations right when a manager inserts or moves rows; a NAME column would not.
 */
public final class SheetRows {

    private static final Pattern TRAILING_ROW = Pattern.compile("_(\\d+)$");

    private SheetRows() {
    }

    public static OptionalInt rowOf(String ruleName) {
        Matcher m = TRAILING_ROW.matcher(ruleName);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** For rule names already checked at compile time. */
    public static int requireRow(String ruleName) {
        return rowOf(ruleName).orElseThrow(
                () -> new IllegalStateException("Rule '" + ruleName + "' does not end in its spreadsheet row"));
    }
}
