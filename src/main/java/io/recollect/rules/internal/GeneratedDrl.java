package io.recollect.rules.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * The DRL Drools generates from the sheet, which a manager never sees. Build errors point at its
 * lines, and some defects compile cleanly, so reading it lets both be reported by sheet row.
 */
final class GeneratedDrl {

    /** The attribute line Drools writes into each rule of a sheet with an ACTIVATION-GROUP column. */
    private static final Pattern ACTIVATION_GROUP = Pattern.compile("(?m)^\\s*activation-group\\s+\"([^\"]*)\"\\s*$");

    private final NavigableMap<Integer, String> ruleByFirstLine = new TreeMap<>();
    /** Each rule's text before "then": attributes, and a pattern with a constraint per filled-in CONDITION cell. */
    private final Map<String, StringBuilder> conditionsByRule = new LinkedHashMap<>();
    /** Each rule's consequence, one statement per line: one per filled-in ACTION cell. */
    private final Map<String, List<String>> actionsByRule = new LinkedHashMap<>();

    static GeneratedDrl of(byte[] xlsx) {
        GeneratedDrl drl = new GeneratedDrl();
        try {
            drl.read(new SpreadsheetCompiler().compile(new ByteArrayInputStream(xlsx), InputType.XLS));
        } catch (RuntimeException e) {
            // Best effort only: the build itself has already reported anything fatal.
        }
        return drl;
    }

    /** The DRL without its activation-group lines, every rule otherwise as generated. */
    static String withoutActivationGroups(String drl) {
        return ACTIVATION_GROUP.matcher(drl).replaceAll("");
    }

    /** DRL already generated (and perhaps rewritten), so that its line numbers are the ones read. */
    static GeneratedDrl ofDrl(String drl) {
        GeneratedDrl generated = new GeneratedDrl();
        generated.read(drl);
        return generated;
    }

    private void read(String drl) {
        String rule = null;
        List<String> actions = null;
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("rule \"") && line.endsWith("\"")) {
                rule = line.substring(6, line.length() - 1);
                ruleByFirstLine.put(i + 1, rule);
                conditionsByRule.put(rule, new StringBuilder());
            } else if (rule != null && line.equals("then")) {
                actions = new ArrayList<>();
            } else if (rule != null && line.equals("end")) {
                actionsByRule.put(rule, actions == null ? List.of() : List.copyOf(actions));
                rule = null;
                actions = null;
            } else if (actions != null && !line.isEmpty()) {
                actions.add(line);
            } else if (rule != null) {
                conditionsByRule.get(rule).append(line).append('\n');
            }
        }
    }

    /** The sheet row whose rule spans the given 1-based line of generated DRL, if any. */
    OptionalInt sheetRowAt(int line) {
        var rule = ruleByFirstLine.floorEntry(line);
        return rule == null ? OptionalInt.empty() : SheetRows.rowOf(rule.getValue());
    }

    /** The sheet rows whose conditions contain the given expression, for errors that name no line. */
    List<Integer> sheetRowsWithCondition(String expression) {
        // Not followed by more of a name or number, so "daysPastDue >= 9" does not also find ">= 90".
        Pattern whole = Pattern.compile(Pattern.quote(expression) + "(?![\\w.])");
        return conditionsByRule.entrySet().stream().filter(e -> whole.matcher(e.getValue()).find())
                .map(e -> SheetRows.rowOf(e.getKey())).filter(OptionalInt::isPresent).map(OptionalInt::getAsInt)
                .toList();
    }

    /** The rule's ACTIVATION-GROUP cell, or empty if it has none or was not read. */
    Optional<String> activationGroupOf(String rule) {
        StringBuilder head = conditionsByRule.get(rule);
        if (head == null) {
            return Optional.empty();
        }
        var group = ACTIVATION_GROUP.matcher(head);
        return group.find() ? Optional.of(group.group(1)) : Optional.empty();
    }

    /** The statements the rule's ACTION cells produced, or empty if the rule was not read. */
    Optional<List<String>> actionsOf(String rule) {
        return Optional.ofNullable(actionsByRule.get(rule));
    }
}
