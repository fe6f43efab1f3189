package io.recollect.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.recollect.rules.RuleTableException;
import org.drools.template.parser.DecisionTableParseException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** Turns spreadsheet bytes into a KieBase, or says in plain words why it cannot. */
public final class DecisionTableCompiler {

    private DecisionTableCompiler() {
    }

    /** @param table the table's name, used in the resource path and in error messages */
    public static KieBase compile(String table, byte[] xlsx) {
        KieServices ks = KieServices.Factory.get();
        // Drools' KieRepository is process-wide: a release id per build keeps concurrent compiles apart.
        ReleaseId releaseId = ks.newReleaseId("io.recollect.rules", table, "build-" + UUID.randomUUID());
        KieFileSystem files = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        // Only ".drl.xlsx" is read as a decision table; a bare ".xlsx" is skipped with a mere WARN.
        files.write("src/main/resources/io/recollect/rules/" + table + ".drl.xlsx", xlsx);

        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(files).buildAll();
        } catch (DecisionTableParseException e) {
            // An unreadable workbook escapes the builder instead of landing in its Results.
            throw new RuleTableException(table, List.of(describe(e)), e);
        }
        GeneratedDrl drl = GeneratedDrl.of(xlsx);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RuleTableException(table, errors.stream().map(m -> describe(m, drl)).toList());
        }
        try {
            KieBase base = ks.newKieContainer(releaseId).getKieBase();
            checkRules(table, base, drl);
            return base;
        } finally {
            // The container keeps what it needs; without this every upload would stay in memory.
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static void checkRules(String table, KieBase base, GeneratedDrl drl) {
        List<String> problems = new ArrayList<>();
        int rules = 0;
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                rules++;
                if (SheetRows.rowOf(rule.getName()).isEmpty()) {
                    problems.add("rule '" + rule.getName() + "' does not end in its spreadsheet row;"
                            + " remove the NAME column so decisions can cite their row");
                }
            }
        }
        if (rules == 0) {
            problems.add("the spreadsheet holds no rules");
        }
        for (String rule : drl.rulesWithoutActions()) {
            problems.add("row " + SheetRows.rowOf(rule).orElse(0) + ": no ACTION values, so it would decide nothing"
                    + " (a RuleTable needs at least one filled-in row)");
        }
        if (!problems.isEmpty()) {
            throw new RuleTableException(table, problems);
        }
    }

    private static String describe(Message message, GeneratedDrl drl) {
        // Drools repeats the generated-source position inside the text; the sheet row says more.
        String text = message.getText().replaceAll("\\[Line: \\d+, Column: \\d+\\]", "")
                .replaceAll("\\s+", " ").strip();
        return drl.sheetRowAt(message.getLine())
                .stream().mapToObj(row -> "row " + row + ": " + text)
                .findFirst()
                .orElse(text);
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
