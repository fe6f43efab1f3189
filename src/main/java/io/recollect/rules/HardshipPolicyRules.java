package io.recollect.rules;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The hardship-policy table's part in the shared machinery: its seed and the words its cells may hold. */
@Component
public class HardshipPolicyRules implements RuleTableDefinition<HardshipPolicyTable> {

    private final String seed;

    HardshipPolicyRules(@Value("${recollect.rules.hardship-policy:classpath:rules/hardship-policy.xlsx}") String seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return HardshipPolicyTable.NAME;
    }

    @Override
    public String seed() {
        return seed;
    }

    @Override
    public HardshipPolicyTable compile(byte[] xlsx, UUID versionId) {
        return HardshipPolicyTable.compile(xlsx, versionId);
    }

    @Override
    public Map<String, Set<String>> words() {
        return Map.of("Segments", RuleWords.fields(io.recollect.rules.internal.Segments.class),
                "RiskBands", RuleWords.fields(io.recollect.rules.internal.RiskBands.class),
                "YesNo", RuleWords.fields(io.recollect.rules.internal.YesNo.class),
                "PlanPolicyDecision", Arrays.stream(PlanPolicyDecision.values()).map(Enum::name)
                        .collect(Collectors.toSet()));
    }

    @Override
    public TableExamples<HardshipPolicyTable> examples() {
        return new TableExamples<>(PlanProposal::new, (table, fact) -> {
            HardshipPolicyResult result = table.decide((PlanProposal) fact);
            return TableExamples.Answer.of(result.citation(), result.decision());
        });
    }
}
