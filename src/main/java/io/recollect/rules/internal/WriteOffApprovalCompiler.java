package io.recollect.rules.internal;

import io.recollect.rules.RuleTableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.drools.template.parser.DecisionTableParseException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles the write-off-approval sheet the way {@link DecisionTableCompiler} compiles
 * collection-path, with this table's own check of required cells (an Approval in every row, a
 * candidate group where a person approves). Kept apart until the rule machinery is generic.
 */
public final class WriteOffApprovalCompiler {

    private static final String APPROVAL = "outcome.setApproval(";
    private static final String AUTO = "WriteOffApproval.AUTO)";
    private static final String GROUP = "outcome.setCandidateGroup(";
    private static final String SLA = "outcome.setSlaDays(";

    private WriteOffApprovalCompiler() {
    }

    public static KieBase compile(String table, byte[] xlsx) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.recollect.rules", table, "build-" + UUID.randomUUID());
        KieFileSystem files = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        // Only ".drl.xlsx" is read as a decision table; a bare ".xlsx" is skipped with a mere WARN.
        files.write("src/main/resources/io/recollect/rules/" + table + ".drl.xlsx", xlsx);
        GeneratedDrl drl = GeneratedDrl.of(xlsx);
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(files).buildAll();
        } catch (DecisionTableParseException e) {
            throw new RuleTableException(table, List.of(String.valueOf(e.getMessage())), e);
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RuleTableException(table, errors.stream().map(m -> BuildMessages.describe(m, drl)).toList());
        }
        try {
            KieBase base = ks.newKieContainer(releaseId).getKieBase();
            check(table, base, drl);
            return base;
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static void check(String table, KieBase base, GeneratedDrl drl) {
        List<Rule> rules = base.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparingInt(r -> SheetRows.rowOf(r.getName()).orElse(0))).toList();
        List<String> problems = new ArrayList<>();
        Set<String> groups = new TreeSet<>();
        if (rules.isEmpty()) {
            problems.add("the spreadsheet holds no rules");
        }
        for (Rule rule : rules) {
            OptionalInt row = SheetRows.rowOf(rule.getName());
            if (row.isEmpty()) {
                problems.add("rule '" + rule.getName() + "' does not end in its spreadsheet row;"
                        + " remove the NAME column so decisions can cite their row");
                continue;
            }
            Optional<String> group = drl.activationGroupOf(rule.getName());
            group.ifPresentOrElse(groups::add, () -> problems.add("row " + row.getAsInt()
                    + ": no ACTIVATION-GROUP (first match wins) value; every row needs the same one"));
            problems.addAll(missing(row.getAsInt(), drl.actionsOf(rule.getName()).orElse(List.of())));
        }
        if (groups.size() > 1) {
            problems.add("ACTIVATION-GROUP differs between rows " + groups + "; every row needs the same one");
        }
        if (!problems.isEmpty()) {
            throw new RuleTableException(table, problems);
        }
    }

    private static List<String> missing(int row, List<String> actions) {
        Optional<String> approval = actions.stream().filter(a -> a.startsWith(APPROVAL)).findFirst();
        if (approval.isEmpty()) {
            return List.of("row " + row + ": the Approval cell is empty");
        }
        if (approval.get().contains(AUTO)) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        if (actions.stream().noneMatch(a -> a.startsWith(GROUP))) {
            missing.add("row " + row + ": a person approves, so it needs a candidate group (who gets the task)");
        }
        if (actions.stream().noneMatch(a -> a.startsWith(SLA))) {
            missing.add("row " + row + ": a person approves, so it needs the days to decide (SLA)");
        }
        return missing;
    }
}
