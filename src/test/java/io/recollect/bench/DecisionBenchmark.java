package io.recollect.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.recollect.bench.CollectionPathInJava.Answer;
import io.recollect.rules.AccountSituation;
import io.recollect.rules.CollectionAction;
import io.recollect.rules.CollectionDecision;
import io.recollect.rules.CollectionPathTable;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One collection-path decision three ways, on the same accounts: the shipped spreadsheet through
 * Drools ({@link CollectionPathTable#decide}, a fresh session per call as in production; and
 * {@link CollectionPathTable#decideAll}, all of them in one session as a simulation asks), the same
 * 24 rows as a Camunda DMN decision table ({@code bench/collection-path.dmn}, standalone engine in
 * its default configuration) and plain Java ifs ({@link CollectionPathInJava}).
 * Run it with {@link DecisionBenchmarkRunner}, which also prints the ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmark {

    /** A power of two, so the next situation is a mask away; enough that the answers vary as in production. */
    static final int SITUATIONS = 4096;
    static final long SEED = 20_251_107L;
    private static final String DMN = "/bench/collection-path.dmn";
    private static final String SHEET = "/rules/collection-path.xlsx";
    private static final String DECISION = "collectionPath";

    private AccountSituation[] situations;
    private List<AccountSituation> situationList;
    private int next;
    private CollectionPathTable table;
    private DmnEngine dmnEngine;
    private DmnDecision dmnDecision;

    @Setup
    public void setUp() {
        table = CollectionPathTable.compile(resource(SHEET));
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        dmnDecision = parse(dmnEngine);
        situations = situations(SITUATIONS, SEED);
        situationList = List.of(situations);
        checkAllThreeAgree();
    }

    @Benchmark
    public void drools(Blackhole bh) {
        bh.consume(table.decide(nextSituation()));
    }

    /** All situations in one session ({@link CollectionPathTable#decideAll}); scored per decision. */
    @Benchmark
    @OperationsPerInvocation(SITUATIONS)
    public void droolsBatch(Blackhole bh) {
        bh.consume(table.decideAll(situationList));
    }

    /** Builds the variables per call, as a caller holding an {@link AccountSituation} would. */
    @Benchmark
    public void dmn(Blackhole bh) {
        bh.consume(dmnEngine.evaluateDecisionTable(dmnDecision, variables(nextSituation())).getSingleResult());
    }

    @Benchmark
    public void java(Blackhole bh) {
        bh.consume(CollectionPathInJava.decide(nextSituation()));
    }

    private AccountSituation nextSituation() {
        AccountSituation s = situations[next];
        next = (next + 1) & (SITUATIONS - 1);
        return s;
    }

    /** What the DMN table reads: the situation's properties under the same names Drools uses. */
    static VariableMap variables(AccountSituation s) {
        return Variables.createVariables()
                .putValue("daysPastDue", s.getDaysPastDue())
                .putValue("overdueAmount", s.getOverdueAmount())
                .putValue("segment", s.getSegment())
                .putValue("riskBand", s.getRiskBand())
                .putValue("remindersSent", s.getRemindersSent())
                .putValue("daysSinceLastAction", s.getDaysSinceLastAction())
                .putValue("daysUntilNextStep", s.getDaysUntilNextStep())
                .putValue("brokenPromises", s.getBrokenPromises())
                .putValue("openPromise", s.isOpenPromise())
                .putValue("activePlan", s.isActivePlan())
                .putValue("openDispute", s.isOpenDispute())
                .putValue("hardship", s.isHardship())
                .putValue("dunningPaused", s.isDunningPaused())
                .putValue("handedToAgency", s.isHandedToAgency());
    }

    /**
     * Fails the run unless Drools, DMN and Java give the same row and the same outputs for every
     * situation measured, and every row fires for some: otherwise the figures compare different work.
     */
    private void checkAllThreeAgree() {
        int[] dmnRow = new int[1];
        DmnDecisionTableEvaluationListener firstMatch = event -> dmnRow[0] = event.getMatchingRules().isEmpty()
                ? 0 : Integer.parseInt(event.getMatchingRules().get(0).getId().substring("Row".length()));
        DmnEngine watched = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration()).customPostDecisionTableEvaluationListeners(List.of(firstMatch))
                .buildEngine();
        DmnDecision watchedDecision = parse(watched);
        Map<Integer, Integer> rows = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        for (AccountSituation s : situations) {
            Answer drools = Answer.of(table.decide(s));
            Answer java = CollectionPathInJava.decide(s);
            DmnDecisionTableResult result = watched.evaluateDecisionTable(watchedDecision, variables(s));
            Answer dmn = result.isEmpty() ? null : answer(dmnRow[0], result.getSingleResult());
            if (!drools.equals(java) || !drools.equals(dmn)) {
                disagreements.add(s + ": drools " + drools + ", dmn " + dmn + ", java " + java);
            }
            rows.merge(drools.sheetRow(), 1, Integer::sum);
        }
        List<CollectionDecision> batch = table.decideAll(List.of(situations));
        for (int i = 0; i < situations.length; i++) {
            if (!batch.get(i).equals(table.decide(situations[i]))) {
                disagreements.add(situations[i] + ": drools batch " + batch.get(i) + ", drools alone "
                        + table.decide(situations[i]));
            }
        }
        if (!disagreements.isEmpty()) {
            throw new IllegalStateException(disagreements.size() + " of " + situations.length
                    + " situations decide differently, e.g. " + disagreements.subList(0, 1));
        }
        if (rows.size() != 24) {
            throw new IllegalStateException("Only sheet rows " + rows.keySet() + " fire; the benchmark needs all 24");
        }
        System.out.println("Drools, DMN and Java agree on all " + situations.length
                + " situations; situations per sheet row: " + rows);
    }

    /** An empty output cell is no entry at all, read as null like an empty cell of the sheet. */
    private static Answer answer(int sheetRow, DmnDecisionRuleResult out) {
        return new Answer(sheetRow, CollectionAction.valueOf((String) out.get("action")),
                (Integer) out.get("dunningLevel"), (String) out.get("template"), (Integer) out.get("waitDays"),
                (Integer) out.get("priority"), (String) out.get("candidateGroup"), (String) out.get("reason"));
    }

    /**
     * Accounts as the collection process evaluates them: most on the reminder ladder, some held,
     * some old or large, and a tenth of the numbers right at a threshold of the sheet.
     */
    static AccountSituation[] situations(int count, long seed) {
        Random random = new Random(seed);
        AccountSituation[] result = new AccountSituation[count];
        for (int i = 0; i < count; i++) {
            int sent = pick(random, new int[] {0, 1, 2, 3, 4}, new int[] {35, 25, 20, 12, 8});
            boolean dispute = random.nextInt(100) < 6;
            result[i] = new AccountSituation(
                    edge(random) ? pickOf(random, 59, 60, 89, 90, 119, 120) : daysPastDue(random, sent),
                    dispute && random.nextInt(100) < 40 ? BigDecimal.ZERO.setScale(2) : amount(random),
                    pick(random, new String[] {"CONSUMER", "SMALL_BUSINESS", "ENTERPRISE", "PATIENT"},
                            new int[] {45, 30, 10, 15}),
                    pick(random, new String[] {"A", "B", "C", "D"}, new int[] {30, 35, 25, 10}),
                    sent,
                    edge(random) ? pickOf(random, 29, 30) : random.nextInt(46),
                    random.nextInt(100) < 12 ? 1 + random.nextInt(14) : 0,
                    pick(random, new int[] {0, 1, 2, 3}, new int[] {85, 10, 4, 1}),
                    random.nextInt(100) < 6, random.nextInt(100) < 5, dispute, random.nextInt(100) < 3,
                    random.nextInt(100) < 3, random.nextInt(100) < 2);
        }
        return result;
    }

    private static int daysPastDue(Random random, int sent) {
        int roll = random.nextInt(100);
        if (roll < 80) {
            return 1 + sent * 12 + random.nextInt(30); // on the ladder
        }
        return roll < 95 ? 60 + random.nextInt(70) : 120 + random.nextInt(90); // found late, or long overdue
    }

    private static BigDecimal amount(Random random) {
        if (edge(random)) {
            return new BigDecimal(pickOf(random, "0.01", "24.99", "25.00", "9999.99", "10000.00"));
        }
        double logUniform = Math.exp(Math.log(5) + random.nextDouble() * (Math.log(25_000) - Math.log(5)));
        return BigDecimal.valueOf(Math.round(logUniform * 100), 2);
    }

    private static boolean edge(Random random) {
        return random.nextInt(10) == 0;
    }

    private static int pick(Random random, int[] values, int[] weights) {
        return values[weighted(random, weights)];
    }

    private static String pick(Random random, String[] values, int[] weights) {
        return values[weighted(random, weights)];
    }

    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        int i = 0;
        while (roll >= weights[i]) {
            roll -= weights[i++];
        }
        return i;
    }

    private static int pickOf(Random random, int... values) {
        return values[random.nextInt(values.length)];
    }

    private static String pickOf(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static DmnDecision parse(DmnEngine engine) {
        try (InputStream dmn = DecisionBenchmark.class.getResourceAsStream(DMN)) {
            if (dmn == null) {
                throw new IllegalStateException(DMN + " is not on the test classpath");
            }
            return engine.parseDecision(DECISION, dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = DecisionBenchmark.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
