package dev.sonde.bench.overhead;

import dev.sonde.bench.ClockCostBenchmark;
import dev.sonde.bench.RecursiveCallBenchmark;
import dev.sonde.bench.RunMode;
import dev.sonde.bench.jvm.Jdk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link RecursiveCallBenchmark} once per JDK, contender and thread count (1 and 2), each in
 * its own forked JVMs (JMH forks), with {@code -prof gc}; checks each contender's evidence that it
 * timed the method. JMH's own output goes to one log per run under the work directory.
 */
public final class OverheadSuite {

    public static final int[] THREADS = {1, 2};

    /** The same heap for every fork, so that heap sizing is not one more difference between them. */
    private static final List<String> FORK_JVM_ARGS = List.of("-Xms1g", "-Xmx1g");

    private final List<Jdk> jdks;
    private final Contender.Tools tools;
    private final Path work;
    private final RunMode mode;
    private final Consumer<String> progress;

    public OverheadSuite(List<Jdk> jdks, Path sondeAgent, Path openTelemetryAgent, Path work, RunMode mode,
                         Consumer<String> progress) throws IOException {
        this.jdks = jdks;
        this.work = work;
        this.mode = mode;
        this.progress = progress;
        Files.createDirectories(work);
        this.tools = new Contender.Tools(sondeAgent, openTelemetryAgent, extractJfc(work));
    }

    /** Which contenders run on {@code jdk}: JFR method timing exists from JDK 25 on. */
    List<Contender> contendersOn(Jdk jdk) {
        Jdk newest = jdks.get(jdks.size() - 1);
        List<Contender> contenders = new ArrayList<>();
        for (Contender contender : Contender.ALL) {
            if (contender.kind() == Contender.Kind.JFR && jdk.feature() < Contender.JFR_METHOD_TIMING_SINCE) {
                continue;
            }
            if (contender.kind() == Contender.Kind.OPENTELEMETRY && !mode.openTelemetryOnEveryJdk() && jdk != newest) {
                continue;
            }
            contenders.add(contender);
        }
        return contenders;
    }

    public List<OverheadResult> run() throws IOException, InterruptedException {
        List<OverheadResult> results = new ArrayList<>();
        for (Jdk jdk : jdks) {
            String openTelemetryEvidence = null;
            for (int threads : THREADS) {
                for (Contender contender : contendersOn(jdk)) {
                    if (contender.kind() == Contender.Kind.OPENTELEMETRY && openTelemetryEvidence == null) {
                        openTelemetryEvidence = checkOpenTelemetry(jdk);
                    }
                    OverheadResult result = runOne(jdk, contender, threads,
                            contender.kind() == Contender.Kind.OPENTELEMETRY ? openTelemetryEvidence : null);
                    results.add(result);
                    progress.accept(describe(result));
                }
            }
        }
        return results;
    }

    private String checkOpenTelemetry(Jdk jdk) throws InterruptedException {
        try {
            return TimingEvidence.openTelemetrySpans(jdk, tools, work.resolve("otel-check-" + jdk.feature()));
        } catch (IOException | RuntimeException e) {
            return "FAILED: " + e.getMessage();
        }
    }

    private OverheadResult runOne(Jdk jdk, Contender contender, int threads, String knownEvidence)
            throws IOException, InterruptedException {
        if (knownEvidence != null && knownEvidence.startsWith("FAILED")) {
            return OverheadResult.failed(jdk, contender, threads, knownEvidence);
        }
        String id = jdk.feature() + "-" + contender.name().replaceAll("[^A-Za-z0-9]+", "-") + "-" + threads + "t";
        Path out = work.resolve(id);
        Files.createDirectories(out);
        List<String> jvmArgs = new ArrayList<>(FORK_JVM_ARGS);
        jvmArgs.addAll(contender.jvmArgs(tools, out));
        Options options = new OptionsBuilder()
                .include(RecursiveCallBenchmark.class.getName() + "." + contender.benchmarkMethod() + "$")
                .jvm(jdk.java().toString())
                .jvmArgs(jvmArgs.toArray(new String[0]))
                .threads(threads)
                .forks(mode.jmhForks())
                .warmupIterations(mode.jmhWarmups())
                .warmupTime(TimeValue.milliseconds(mode.jmhIterationTime().toMillis()))
                .measurementIterations(mode.jmhIterations())
                .measurementTime(TimeValue.milliseconds(mode.jmhIterationTime().toMillis()))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .output(work.resolve(id + ".jmh.log").toString())
                .build();
        try {
            Collection<RunResult> runs = new Runner(options).run();
            if (runs.size() != 1) {
                return OverheadResult.failed(jdk, contender, threads, "JMH returned " + runs.size() + " results");
            }
            RunResult run = runs.iterator().next();
            Result<?> primary = run.getPrimaryResult();
            String evidence = knownEvidence != null ? knownEvidence : TimingEvidence.of(contender, jdk, out);
            return new OverheadResult(jdk, contender, threads, primary.getScore(), primary.getScoreError(),
                    allocPerOp(run.getSecondaryResults()), evidence, null);
        } catch (RunnerException | RuntimeException e) {
            return OverheadResult.failed(jdk, contender, threads,
                    e.getMessage() + " (see " + work.resolve(id + ".jmh.log") + ")");
        }
    }

    /**
     * {@link ClockCostBenchmark} on {@code jdk}: the cost of one clock read and one allocation
     * counter read, the floor under every timed call.
     */
    public List<ClockCost> clockCosts(Jdk jdk) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ClockCostBenchmark.class.getName() + ".")
                .jvm(jdk.java().toString())
                .jvmArgs(FORK_JVM_ARGS.toArray(new String[0]))
                .forks(1)
                .warmupIterations(mode.jmhWarmups())
                .warmupTime(TimeValue.milliseconds(mode.jmhIterationTime().toMillis()))
                .measurementIterations(Math.min(3, mode.jmhIterations()))
                .measurementTime(TimeValue.milliseconds(mode.jmhIterationTime().toMillis()))
                .shouldFailOnError(true)
                .output(work.resolve(jdk.feature() + "-clock-cost.jmh.log").toString())
                .build();
        List<ClockCost> costs = new ArrayList<>();
        for (RunResult run : new Runner(options).run()) {
            String method = run.getParams().getBenchmark();
            Result<?> primary = run.getPrimaryResult();
            costs.add(new ClockCost(jdk, method.substring(method.lastIndexOf('.') + 1), primary.getScore(),
                    primary.getScoreError()));
        }
        costs.sort(java.util.Comparator.comparing(ClockCost::what).reversed());
        progress.accept(costs.stream().map(cost -> String.format(Locale.ROOT, "%s %s: %.1f ± %.1f ns",
                jdk.label(), cost.what(), cost.ns(), cost.error())).collect(java.util.stream.Collectors.joining("; ")));
        return costs;
    }

    /** The cost of one call of {@code what} ({@code nanoTime} or {@code allocatedBytes}). */
    public record ClockCost(Jdk jdk, String what, double ns, double error) {
    }

    /** {@code gc.alloc.rate.norm}: bytes allocated per benchmark operation (the label's prefix varies across JMH versions). */
    private static double allocPerOp(Map<String, Result> secondary) {
        for (Map.Entry<String, Result> entry : secondary.entrySet()) {
            if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
                return entry.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    private static String describe(OverheadResult result) {
        String what = String.format(Locale.ROOT, "%s %-26s %dt", result.jdk().label(), result.contender().name(),
                result.threads());
        if (!result.ok()) {
            return what + ": FAILED " + result.failure();
        }
        return String.format(Locale.ROOT, "%s: %8.1f ± %.1f ns/op, %.1f B/op  %s", what, result.nsPerOp(),
                result.error(), result.allocBytesPerOp(), result.evidence());
    }

    private static Path extractJfc(Path work) throws IOException {
        Path jfc = work.resolve("method-timing.jfc");
        try (InputStream in = OverheadSuite.class.getResourceAsStream("method-timing.jfc")) {
            if (in == null) {
                throw new IOException("method-timing.jfc is missing from the benchmark jar");
            }
            Files.copy(in, jfc, StandardCopyOption.REPLACE_EXISTING);
        }
        return jfc;
    }
}
