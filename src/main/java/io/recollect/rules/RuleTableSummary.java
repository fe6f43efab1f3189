package io.recollect.rules;

/** A table and the version every node decides with now. */
public record RuleTableSummary(String name, RuleTableVersionView active) {
}
