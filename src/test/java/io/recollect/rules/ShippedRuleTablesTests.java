package io.recollect.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.recollect.rules.internal.UploadChecks;
import io.recollect.rules.internal.UploadGate;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The workbooks in {@code rules/} seed each table's first version at first start, and seeding holds
 * them to every check an upload must pass (RuleTableSeeding stops the start otherwise): each one
 * passes the gate and the checks here, with the default limits.
 */
class ShippedRuleTablesTests {

    private static final RuleTableProperties DEFAULTS = new RuleTableProperties(true, DataSize.ofMegabytes(2),
            DataSize.ofMegabytes(50), 100);

    @Test
    void theShippedCollectionPathPassesTheUploadChecks() throws IOException {
        assertPasses(new CollectionPathRules("classpath:rules/collection-path.xlsx"), "rules/collection-path.xlsx");
    }

    @Test
    void theShippedHardshipPolicyPassesTheUploadChecks() throws IOException {
        assertPasses(new HardshipPolicyRules("classpath:rules/hardship-policy.xlsx"), "rules/hardship-policy.xlsx");
    }

    @Test
    void theShippedWriteOffApprovalPassesTheUploadChecks() throws IOException {
        assertPasses(new WriteOffApprovalRules("classpath:rules/write-off-approval.xlsx"), "rules/write-off-approval.xlsx");
    }

    private static void assertPasses(RuleTableDefinition<?> definition, String file) throws IOException {
        byte[] content = Files.readAllBytes(Path.of(file));
        new UploadGate(DEFAULTS).inspect(content);
        List<RuleTableProblem> problems = UploadChecks.check(definition, content);
        assertThat(problems).as(file).isEmpty();
    }
}
