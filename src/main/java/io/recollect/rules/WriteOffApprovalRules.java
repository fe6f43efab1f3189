package io.recollect.rules;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The write-off-approval table's part in the shared machinery: its seed and the words its cells may hold. */
@Component
public class WriteOffApprovalRules implements RuleTableDefinition<WriteOffApprovalTable> {

    private final String seed;

    WriteOffApprovalRules(
            @Value("${recollect.rules.write-off-approval:classpath:rules/write-off-approval.xlsx}") String seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return WriteOffApprovalTable.NAME;
    }

    @Override
    public String seed() {
        return seed;
    }

    @Override
    public WriteOffApprovalTable compile(byte[] xlsx, UUID versionId) {
        return WriteOffApprovalTable.compile(xlsx, versionId);
    }

    @Override
    public Map<String, Set<String>> words() {
        return Map.of("Segments", RuleWords.fields(io.recollect.rules.internal.Segments.class),
                "WriteOffReasons", RuleWords.fields(io.recollect.rules.internal.WriteOffReasons.class),
                "WriteOffApproval", Arrays.stream(WriteOffApproval.values()).map(Enum::name).collect(Collectors.toSet()));
    }

    @Override
    public TableExamples<WriteOffApprovalTable> examples() {
        return new TableExamples<>(WriteOffProposal::new, (table, fact) -> {
            WriteOffRoute route = table.decide((WriteOffProposal) fact);
            return TableExamples.Answer.of(route.citation(), route.approval());
        });
    }
}
