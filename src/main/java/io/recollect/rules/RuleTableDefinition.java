package io.recollect.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one decision table brings to the shared machinery (versions, upload checks, activation,
 * audit): its name, the shipped workbook that seeds it, how to compile a version into its typed
 * table, the words its cells may hold, and its own checks. A new table is a bean implementing
 * this next to its fact, outcome and result types; see {@link CollectionPathRules}.
 *
 * @param <T> the compiled, typed table (e.g. {@link CollectionPathTable})
 */
public interface RuleTableDefinition<T> {

    /** The table's name in URLs and citations, e.g. {@code collection-path}. */
    String name();

    /** Spring resource location of the workbook that seeds the first version, e.g. {@code classpath:rules/collection-path.xlsx}. */
    String seed();

    /**
     * @param versionId the stored version's id, cited by every decision
     * @throws RuleTableException when the workbook does not compile
     */
    T compile(byte[] xlsx, UUID versionId);

    /**
     * The words a cell may hold, by the class its snippet names ({@code Segments.$} -> CONSUMER, ...),
     * so a misspelt word is reported at its cell.
     */
    default Map<String, Set<String>> words() {
        return Map.of();
    }

    /** Checks only this table knows, on a version that compiled; empty when it passes. */
    default List<RuleTableProblem> check(byte[] xlsx, T compiled) {
        return List.of();
    }

    /**
     * How this table decides the rows of an uploaded workbook's {@code Examples} sheet; null when
     * it reads no examples (a workbook with an Examples sheet is then rejected, so no example is
     * silently ignored).
     */
    default TableExamples<T> examples() {
        return null;
    }
}
