package io.recollect.rules;

import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * How a table decides the rows of a workbook's {@code Examples} sheet: a fresh fact whose
 * properties the example's input columns set by name, and the table's answer for it.
 *
 * @param fact   a fresh, empty fact (a bean: its properties are what the sheet's headers name)
 * @param decide the compiled table's answer for the fact
 * @param <T>    the compiled table
 */
public record TableExamples<T>(Supplier<Object> fact, BiFunction<T, Object, Answer> decide) {

    /**
     * What the table answered for one example.
     *
     * @param rule   the sheet's label of the row that fired (R12), or its row when it has none
     * @param action the answer examples state, e.g. the collection action
     * @param cited  the citation as a manager reads it, "R12 (row 29)"
     */
    public record Answer(String rule, String action, String cited) {

        static Answer of(RuleCitation citation, Object action) {
            return new Answer(citation.label() == null ? "row " + citation.row() : citation.label(),
                    String.valueOf(action), citation.rule());
        }
    }
}
