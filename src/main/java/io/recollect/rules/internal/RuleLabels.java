package io.recollect.rules.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The sheet's own names for its rules (R1, R12 ...): the cell left of each rule row's first
 * column, where the shipped sheets keep them. Managers say "R12", not "row 29".
 */
final class RuleLabels {

    private RuleLabels() {
    }

    static Map<Integer, String> of(byte[] xlsx) {
        Map<Integer, String> labels = new HashMap<>();
        try {
            RuleSheet.read(xlsx).ifPresent(sheet -> sheet.ruleRows().forEach(row -> {
                String label = sheet.text(row, sheet.firstColumn() - 1);
                if (!label.isBlank()) {
                    labels.put(row + 1, label.strip());
                }
            }));
        } catch (RuntimeException e) {
            // Labels are for people; a sheet Drools compiled still decides without them.
        }
        return Map.copyOf(labels);
    }
}
