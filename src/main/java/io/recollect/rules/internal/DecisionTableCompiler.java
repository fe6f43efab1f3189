package io.recollect.rules.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import io.recollect.rules.RuleTableException;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.template.parser.DecisionTableParseException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;

/** Turns spreadsheet bytes into a KieBase, or says in plain words why it cannot. */
public final class DecisionTableCompiler {

    private DecisionTableCompiler() {
    }

    /** @param table the table's name, used in the resource path and in error messages */
    public static KieBase compile(String table, byte[] xlsx) {
        return compile(table, xlsx, RequiredCells::missing);
    }

    /**
     * The same for a table whose ACTION cells are not the collection path's: {@code rowCheck} says,
     * for a sheet row and its ACTION statements, what the row lacks (empty when nothing).
     */
    public static KieBase compile(String table, byte[] xlsx, BiFunction<Integer, List<String>, List<String>> rowCheck) {
        KieServices ks = KieServices.Factory.get();
        // Drools' KieRepository is process-wide: a release id per build keeps concurrent compiles apart.
        ReleaseId releaseId = ks.newReleaseId("io.recollect.rules", table, "build-" + UUID.randomUUID());
        KieFileSystem files = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        // Only ".drl.xlsx" is read as a decision table; a bare ".xlsx" is skipped with a mere WARN.
        files.write("src/main/resources/io/recollect/rules/" + table + ".drl.xlsx", xlsx);
        GeneratedDrl drl = GeneratedDrl.of(xlsx);
        KieBase base = build(ks, releaseId, files, table, drl, rowCheck);
        checkFirstMatchWins(table, base, drl);
        return base;
    }

    /**
     * The same rows for deciding many accounts in one session: without their activation group,
     * which would let the first row to fire for any account cancel every other account's match.
     * The caller keeps first-match-wins per account (rows fire in falling salience, which is sheet
     * order). Call only with a sheet {@link #compile} accepted.
     */
    public static KieBase compileForBatches(String table, byte[] xlsx) {
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(xlsx), InputType.XLS);
        } catch (RuntimeException e) {
            throw new RuleTableException(table, List.of(describe(e)), e);
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.recollect.rules", table + "-batch", "build-" + UUID.randomUUID());
        KieFileSystem files = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        String batchDrl = GeneratedDrl.withoutActivationGroups(drl);
        files.write("src/main/resources/io/recollect/rules/" + table + ".drl", batchDrl);
        return build(ks, releaseId, files, table, GeneratedDrl.ofDrl(batchDrl), RequiredCells::missing);
    }

    /** @param drl the rules as Drools reads them, for reporting problems by sheet row */
    private static KieBase build(KieServices ks, ReleaseId releaseId, KieFileSystem files, String table,
            GeneratedDrl drl, BiFunction<Integer, List<String>, List<String>> rowCheck) {
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(files).buildAll();
        } catch (DecisionTableParseException e) {
            // An unreadable workbook escapes the builder instead of landing in its Results.
            throw new RuleTableException(table, List.of(describe(e)), e);
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RuleTableException(table, errors.stream().map(m -> BuildMessages.describe(m, drl)).toList());
        }
        try {
            KieBase base = ks.newKieContainer(releaseId).getKieBase();
            checkRules(table, base, drl, rowCheck);
            return base;
        } finally {
            // The container keeps what it needs; without this every upload would stay in memory.
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static void checkRules(String table, KieBase base, GeneratedDrl drl,
            BiFunction<Integer, List<String>, List<String>> rowCheck) {
        // In sheet order, so a manager can work through the messages top to bottom.
        List<Rule> rules = inSheetOrder(base);
        List<String> problems = new ArrayList<>();
        if (rules.isEmpty()) {
            problems.add("the spreadsheet holds no rules");
        }
        for (Rule rule : rules) {
            OptionalInt row = SheetRows.rowOf(rule.getName());
            if (row.isEmpty()) {
                problems.add("rule '" + rule.getName() + "' does not end in its spreadsheet row;"
                        + " remove the NAME column so decisions can cite their row");
            } else {
                problems.addAll(checkActions(row.getAsInt(), drl.actionsOf(rule.getName()), rowCheck));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleTableException(table, problems);
        }
    }

    /**
     * Only the first matching row may decide: every row needs one and the same ACTIVATION-GROUP.
     * Without it every matching row fires and the last one's cells win, which {@link #compileForBatches}
     * would hide and a single decision would only find out account by account.
     */
    private static void checkFirstMatchWins(String table, KieBase base, GeneratedDrl drl) {
        List<Rule> rules = inSheetOrder(base);
        List<String> problems = new ArrayList<>();
        Map<String, List<Integer>> rowsByGroup = new LinkedHashMap<>();
        for (Rule rule : rules) {
            int row = SheetRows.requireRow(rule.getName());
            drl.activationGroupOf(rule.getName()).ifPresentOrElse(
                    group -> rowsByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(row),
                    () -> problems.add("row " + row + ": no ACTIVATION-GROUP (first match wins) value;"
                            + " every row needs the same one, or several rows could decide one account"));
        }
        if (rowsByGroup.size() > 1) {
            problems.add("ACTIVATION-GROUP differs between rows (" + rowsByGroup.entrySet().stream()
                    .map(e -> "'" + e.getKey() + "' in rows " + e.getValue()).collect(Collectors.joining("; "))
                    + "); every row needs the same one, or several rows could decide one account");
        }
        if (!problems.isEmpty()) {
            throw new RuleTableException(table, problems);
        }
    }

    private static List<Rule> inSheetOrder(KieBase base) {
        return base.getKiePackages().stream().flatMap(pkg -> pkg.getRules().stream())
                .sorted(Comparator.comparingInt(rule -> SheetRows.rowOf(rule.getName()).orElse(0))).toList();
    }

    private static List<String> checkActions(int row, Optional<List<String>> actions,
            BiFunction<Integer, List<String>, List<String>> rowCheck) {
        if (actions.isEmpty()) {
            // Fail closed: a row whose cells cannot be checked must not decide anything.
            return List.of("row " + row + ": its ACTION cells could not be read back");
        }
        if (actions.get().isEmpty()) {
            // A row with every ACTION cell empty, or the phantom rule Drools makes for a RuleTable
            // with no rows at all (no conditions, so it would match everything).
            return List.of("row " + row + ": no ACTION values, so it would decide nothing"
                    + " (a RuleTable needs at least one filled-in row)");
        }
        return rowCheck.apply(row, actions.get());
    }

    private static String describe(Throwable error) {
        // Drop the "[src/.../collection-path.drl.xlsx]" prefix: that path is ours, not the manager's file.
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()).replaceFirst("^\\[[^]]*\\]\\s*", ""));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(" Cause: ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
