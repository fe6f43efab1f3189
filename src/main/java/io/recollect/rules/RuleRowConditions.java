package io.recollect.rules;

import io.recollect.rules.internal.RuleSheet;
import io.recollect.rules.internal.RuleTableVersions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What a row of a stored table version asks of an account, in the words of the sheet's own
 * headers: "Days past due: at least 31, below 61; Segment: ENTERPRISE; Promise to pay pending: no".
 * A decision cites a version and a row; this says what that row meant then, whatever the active
 * version says now. Versions never change, so each is read once and kept.
 */
@Component
public class RuleRowConditions {

    private final RuleTableVersions versions;
    private final Map<UUID, Map<Integer, String>> byVersion = new ConcurrentHashMap<>();

    RuleRowConditions(RuleTableVersions versions) {
        this.versions = versions;
    }

    /**
     * @param row 1-based, as {@link RuleCitation#row()}
     * @return the row's conditions, "any account" for a row without any; empty for an unknown version or row
     */
    public Optional<String> of(UUID versionId, int row) {
        if (versionId == null) {
            return Optional.empty();
        }
        Map<Integer, String> rows = byVersion.computeIfAbsent(versionId, id -> versions.findById(id)
                .map(version -> conditions(version.getContent())).orElse(null));
        return rows == null ? Optional.empty() : Optional.ofNullable(rows.get(row));
    }

    static Map<Integer, String> conditions(byte[] xlsx) {
        Optional<RuleSheet> read;
        try {
            read = RuleSheet.read(xlsx);
        } catch (RuntimeException unreadable) {
            return Map.of();
        }
        if (read.isEmpty()) {
            return Map.of();
        }
        RuleSheet sheet = read.get();
        Map<Integer, String> rows = new HashMap<>();
        for (int row : sheet.ruleRows()) {
            // "Days past due: at least" and "Days past due: below" read as one condition
            Map<String, List<String>> byName = new LinkedHashMap<>();
            for (int column = sheet.firstColumn(); column <= sheet.lastColumn(); column++) {
                String value = sheet.text(row, column).strip();
                if (!"CONDITION".equals(sheet.kind(column)) || value.isBlank()) {
                    continue;
                }
                String header = sheet.header(column);
                int colon = header.indexOf(':');
                String name = plain(colon < 0 ? header : header.substring(0, colon));
                String bound = colon < 0 ? "" : header.substring(colon + 1).strip() + " ";
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(bound + value);
            }
            List<String> parts = new ArrayList<>();
            byName.forEach((name, bounds) -> parts.add(name + ": " + String.join(", ", bounds)));
            rows.put(row + 1, parts.isEmpty() ? "any account" : String.join("; ", parts));
        }
        return Collections.unmodifiableMap(rows);
    }

    /** The header without its hint for the person filling it in: "Segment (one or more)" is "Segment". */
    private static String plain(String header) {
        return header.replaceAll("\\s*\\([^)]*\\)", "").strip();
    }
}
