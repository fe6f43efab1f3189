package io.recollect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link DecisionBenchmark} with JMH, single-threaded, and prints ops/s per way of deciding
 * with the ratios Drools/DMN and Drools/Java; the same goes to {@code target/bench/decision-benchmark.json}.
 * A JUnit test only so that the bench profile's surefire runs it:
 * {@code ./mvnw -Pbench test -Dtest=DecisionBenchmarkRunner}. It reports and never fails on the
 * figures; it fails when a benchmark errors, e.g. because the three disagree on a situation.
 *
 * <p>System properties: {@code bench.forks} (1), {@code bench.warmups} (3), {@code bench.warmupSeconds} (2),
 * {@code bench.iterations} (5), {@code bench.seconds} (2), {@code bench.profiler} (none; e.g. {@code gc}),
 * {@code bench.output} (the JSON file).
 */
class DecisionBenchmarkRunner {

    /** The targets for rule evaluation on one core. */
    private static final double TARGET_OPS_PER_SECOND = 1_000_000;
    private static final double TARGET_TIMES_DMN = 3;
    private static final List<String> BENCHMARKS = List.of("drools", "droolsBatch", "dmn", "java");
    private static final int FORKS = Integer.getInteger("bench.forks", 1);
    private static final int WARMUPS = Integer.getInteger("bench.warmups", 3);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 2);
    private static final int ITERATIONS = Integer.getInteger("bench.iterations", 5);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 2);

    @Test
    void measuresOneDecisionThreeWays() throws Exception {
        double loadBefore = systemLoad();
        Map<String, Result<?>> scores = run();

        assertThat(scores).containsOnlyKeys(BENCHMARKS);
        Report report = Report.of(scores, loadBefore, systemLoad());
        System.out.println(report.table());
        Path json = Path.of(System.getProperty("bench.output", "target/bench/decision-benchmark.json"));
        Files.createDirectories(json.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println("Written to " + json.toAbsolutePath());
    }

    public static void main(String[] args) throws Exception {
        new DecisionBenchmarkRunner().measuresOneDecisionThreeWays();
    }

    /** The one-minute load average: a busy machine shows in these figures, so they carry it. */
    private static double systemLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Map<String, Result<?>> run() throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include("^" + Pattern.quote(DecisionBenchmark.class.getName()) + "\\.")
                .threads(1)
                .forks(FORKS)
                .warmupIterations(WARMUPS)
                .warmupTime(TimeValue.seconds(WARMUP_SECONDS))
                .measurementIterations(ITERATIONS)
                .measurementTime(TimeValue.seconds(SECONDS))
                .shouldFailOnError(true);
        String profiler = System.getProperty("bench.profiler", "");
        if (!profiler.isBlank()) {
            options.addProfiler(profiler);
        }
        Map<String, Result<?>> scores = new LinkedHashMap<>();
        for (RunResult result : new Runner(options.build()).run()) {
            String benchmark = result.getParams().getBenchmark();
            scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult());
        }
        return scores;
    }

    /** One benchmark's throughput; {@code error} is the 99.9% confidence half-width, null with one iteration. */
    record Score(String benchmark, double opsPerSecond, Double error) {

        static Score of(String benchmark, Result<?> result) {
            double error = result.getScoreError();
            return new Score(benchmark, result.getScore(), Double.isNaN(error) ? null : error);
        }
    }

    /** What the run measured, as printed and as written to JSON. */
    record Report(String benchmark, int threads, int forks, String warmup, String measurement, int situations,
            String jvm, int cpus, double loadBefore, double loadAfter, List<Score> scores, Map<String, Double> ratios,
            Map<String, Boolean> targetsMet) {

        static Report of(Map<String, Result<?>> results, double loadBefore, double loadAfter) {
            List<Score> scores = BENCHMARKS.stream().map(name -> Score.of(name, results.get(name))).toList();
            double drools = scores.get(0).opsPerSecond();
            double batch = scores.get(1).opsPerSecond();
            double dmn = scores.get(2).opsPerSecond();
            double java = scores.get(3).opsPerSecond();
            Map<String, Double> ratios = new LinkedHashMap<>();
            ratios.put("drools/dmn", drools / dmn);
            ratios.put("batch/dmn", batch / dmn);
            ratios.put("drools/java", drools / java);
            ratios.put("batch/java", batch / java);
            Map<String, Boolean> targets = new LinkedHashMap<>();
            for (String way : List.of("drools", "droolsBatch")) {
                double score = way.equals("drools") ? drools : batch;
                targets.put(String.format(Locale.ROOT, "%s >= %.0f ops/s", way, TARGET_OPS_PER_SECOND),
                        score >= TARGET_OPS_PER_SECOND);
                targets.put(String.format(Locale.ROOT, "%s >= %.0fx dmn", way, TARGET_TIMES_DMN),
                        score / dmn >= TARGET_TIMES_DMN);
            }
            return new Report(DecisionBenchmark.class.getName(), 1, FORKS, WARMUPS + " x " + WARMUP_SECONDS + " s",
                    ITERATIONS + " x " + SECONDS + " s", DecisionBenchmark.SITUATIONS,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, scores, ratios, targets);
        }

        String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%-12s %16s %18s%n", "Benchmark",
                    "ops/s", "error (99.9%)"));
            for (Score score : scores) {
                out.append(String.format(Locale.ROOT, "%-13s %,16.0f %18s%n", score.benchmark(), score.opsPerSecond(),
                        score.error() == null ? "n/a" : String.format(Locale.ROOT, "± %,.0f", score.error())));
            }
            ratios.forEach((name, ratio) -> out.append(String.format(Locale.ROOT, "%-13s %16s%n", name,
                    String.format(Locale.ROOT, ratio < 0.1 ? "%.4fx" : "%.2fx", ratio))));
            targetsMet.forEach((target, met) -> out.append(String.format(Locale.ROOT, "target %-33s %s%n", target,
                    met ? "met" : "NOT met")));
            out.append(String.format(Locale.ROOT, "(%s, %d thread, %d fork(s), warmup %s, measurement %s;"
                    + " %d CPUs, load average %.2f before, %.2f after)%n", jvm, threads, forks, warmup, measurement,
                    cpus, loadBefore, loadAfter));
            return out.toString();
        }
    }
}
