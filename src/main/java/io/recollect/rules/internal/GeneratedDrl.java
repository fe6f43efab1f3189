package io.recollect.rules.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * The DRL Drools generates from the sheet, which a manager never sees. Build errors point at its
 * lines, and some defects compile cleanly, so reading it lets both be reported by sheet row.
 */
final class GeneratedDrl {

    private final NavigableMap<Integer, String> ruleByFirstLine = new TreeMap<>();
    private final List<String> rulesWithoutActions = new ArrayList<>();

    static GeneratedDrl of(byte[] xlsx) {
        GeneratedDrl drl = new GeneratedDrl();
        try {
            drl.read(new SpreadsheetCompiler().compile(new ByteArrayInputStream(xlsx), InputType.XLS));
        } catch (RuntimeException e) {
            // Best effort only: the build itself has already reported anything fatal.
        }
        return drl;
    }

    private void read(String drl) {
        String rule = null;
        boolean inThen = false;
        int actions = 0;
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("rule \"") && line.endsWith("\"")) {
                rule = line.substring(6, line.length() - 1);
                ruleByFirstLine.put(i + 1, rule);
            } else if (rule != null && line.equals("then")) {
                inThen = true;
                actions = 0;
            } else if (rule != null && line.equals("end")) {
                if (actions == 0) {
                    rulesWithoutActions.add(rule);
                }
                rule = null;
                inThen = false;
            } else if (inThen && !line.isEmpty()) {
                actions++;
            }
        }
    }

    /** The sheet row whose rule spans the given 1-based line of generated DRL, if any. */
    OptionalInt sheetRowAt(int line) {
        var rule = ruleByFirstLine.floorEntry(line);
        return rule == null ? OptionalInt.empty() : SheetRows.rowOf(rule.getValue());
    }

    /**
     * Rules that would fire and decide nothing: a row with every ACTION cell empty, or the phantom
     * rule Drools makes for a RuleTable with no rows at all (no conditions, so it matches everything).
     */
    List<String> rulesWithoutActions() {
        return List.copyOf(rulesWithoutActions);
    }
}
