package io.recollect.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import java.util.function.Predicate;

import io.recollect.rules.internal.RiskBands;
import io.recollect.rules.internal.RowSpace;
import io.recollect.rules.internal.RuleSheet;
import io.recollect.rules.internal.Segments;
import io.recollect.rules.internal.YesNo;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The collection-path table's part in the shared machinery: its seed, its words and its own
 * check, that every ordinary situation of a known segment is covered by some row.
 */
@Component
public class CollectionPathRules implements RuleTableDefinition<CollectionPathTable> {

    /** How many uncovered situations a rejection lists: enough to see the pattern. */
    private static final int GAP_EXAMPLES = 3;

    private final String seed;

    CollectionPathRules(@Value("${recollect.rules.collection-path:classpath:rules/collection-path.xlsx}") String seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return CollectionPathTable.NAME;
    }

    @Override
    public String seed() {
        return seed;
    }

    @Override
    public CollectionPathTable compile(byte[] xlsx, UUID versionId) {
        return CollectionPathTable.compile(xlsx, versionId);
    }

    @Override
    public Map<String, Set<String>> words() {
        return Map.of("Segments", RuleWords.fields(Segments.class), "RiskBands", RuleWords.fields(RiskBands.class),
                "YesNo", RuleWords.fields(YesNo.class), "CollectionAction",
                Arrays.stream(CollectionAction.values()).map(Enum::name).collect(Collectors.toSet()));
    }

    @Override
    public TableExamples<CollectionPathTable> examples() {
        return new TableExamples<>(AccountSituation::new, (table, fact) -> {
            CollectionDecision decision = table.decide((AccountSituation) fact);
            return TableExamples.Answer.of(decision.citation(), decision.action());
        });
    }

    /**
     * Situations no row covers, with examples: every class of input values the rows tell apart
     * (see {@code RowSpace}), each confirmed by the compiled table itself. An unknown segment or a
     * zero amount is left uncovered on purpose (it surfaces as a gap), so it is not asked.
     */
    @Override
    public List<RuleTableProblem> check(byte[] xlsx, CollectionPathTable compiled) {
        RuleSheet sheet = RuleSheet.read(xlsx).orElseThrow();
        List<AccountSituation> grid = RowSpace.of(sheet, words()).map(space -> space.gaps(KNOWN)).map(gaps ->
                gaps.stream().map(CollectionPathRules::situation).toList()).orElseGet(CollectionPathRules::grid);
        List<CollectionDecision> decided = compiled.decideAllOrNull(grid);
        List<AccountSituation> gaps = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            if (decided.get(i) == null) {
                gaps.add(grid.get(i));
            }
        }
        if (gaps.isEmpty()) {
            return List.of();
        }
        String table = RuleSheet.a1(sheet.tableRow(), sheet.firstColumn());
        return gaps.stream().limit(GAP_EXAMPLES).map(gap -> new RuleTableProblem(sheet.sheetName(), table,
                "no row covers an account like this (" + gaps.size() + " kinds of situation in all): " + describe(gap)
                        + "; add a row for it or widen a row above")).toList();
    }

    /**
     * What the coverage check asks about: every situation of a known segment and risk band with
     * something overdue. An unknown segment or a zero amount is left uncovered on purpose.
     */
    private static final Map<String, Predicate<Object>> KNOWN = Map.of(
            "segment", value -> !RowSpace.OTHER_WORD.equals(value),
            "riskBand", value -> !RowSpace.OTHER_WORD.equals(value),
            "overdueAmount", value -> ((BigDecimal) value).signum() > 0);

    /** One class of situations as an account: the inputs no row asks about keep their defaults. */
    private static AccountSituation situation(Map<String, Object> example) {
        AccountSituation situation = new AccountSituation();
        situation.setOverdueAmount(new BigDecimal("0.01"));
        BeanWrapper bean = new BeanWrapperImpl(situation);
        example.forEach((input, value) -> bean.setPropertyValue(input,
                value instanceof BigDecimal number ? number.toPlainString() : value));
        return situation;
    }

    /** The sampled grid, for a sheet whose conditions {@link RowSpace} cannot read. */
    private static List<AccountSituation> grid() {
        List<AccountSituation> grid = new ArrayList<>();
        for (String segment : RuleWords.fields(Segments.class).stream().sorted().toList()) {
            for (String band : List.of("A", "B", "C", "D")) {
                for (int days : new int[] {1, 45, 75, 100, 150}) {
                    for (String amount : new String[] {"10.00", "500.00", "20000.00"}) {
                        for (int reminders = 0; reminders <= 4; reminders++) {
                            for (int broken : new int[] {0, 2}) {
                                AccountSituation s = new AccountSituation(days, new BigDecimal(amount), segment, band,
                                        reminders, 30, 0, broken, false, false, false, false, false, false);
                                grid.add(s);
                            }
                        }
                    }
                }
            }
        }
        return grid;
    }

    private static String describe(AccountSituation s) {
        return "segment " + s.getSegment() + ", risk band " + s.getRiskBand() + ", " + s.getDaysPastDue()
                + " days past due, overdue amount " + s.getOverdueAmount().toPlainString() + ", "
                + s.getRemindersSent() + " dunning emails sent, " + s.getBrokenPromises() + " broken promises";
    }

}
