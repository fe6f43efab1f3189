package io.recollect.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row's conditions in the words of the shipped collection-path sheet's headers. */
class RuleRowConditionsTests {

    @Test
    void eachRuleRowReadsAsItsHeadersAndCells() throws Exception {
        Map<Integer, String> rows = RuleRowConditions.conditions(Files.readAllBytes(Path.of("rules/collection-path.xlsx")));

        // R1, row 18: only "With the collection agency" is filled in
        assertThat(rows.get(18)).isEqualTo("With the collection agency: yes");
        // R5, row 22: a bound and a yes/no
        assertThat(rows.get(22)).isEqualTo("Overdue amount: below 0.01; Invoice disputed: yes");
        // R14, row 31: the header's hint "(one or more)" is left out; bounds of one figure read together
        assertThat(rows.get(31)).isEqualTo("Overdue amount: at least 0; Segment: ENTERPRISE; Dunning emails sent: at most 0");
        assertThat(rows).doesNotContainKeys(17, 1);
    }

    @Test
    void twoBoundsOfOneFigureReadAsOneCondition() throws Exception {
        Map<Integer, String> rows = RuleRowConditions.conditions(Files.readAllBytes(Path.of("rules/collection-path.xlsx")));

        assertThat(rows.values()).anySatisfy(row -> assertThat(row).contains("Dunning emails sent: at least 1, at most 1"));
    }

    @Test
    void aFileThatIsNoWorkbookHasNoRows() {
        assertThat(RuleRowConditions.conditions("not a workbook".getBytes())).isEmpty();
    }
}
