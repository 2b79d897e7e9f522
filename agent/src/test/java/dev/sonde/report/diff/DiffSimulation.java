package dev.sonde.report.diff;

import dev.sonde.report.OperationReport;
import dev.sonde.report.ReportFile;
import dev.sonde.report.UnreadableReportException;
import dev.sonde.report.TestReports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Many simulated diffs of one operation: each trial draws a base run and a current run of n calls
 * from a latency distribution (the current's calls scaled by a factor: 1 for A/A, 1.3 for a 30 %
 * slowdown), records them as the agent does (a two-digit HdrHistogram with exact total, min and
 * max) and runs the real {@link ReportDiff} on the two reports. Seeded, so every run of the test
 * sees the same trials.
 */
final class DiffSimulation {

    /** A latency distribution in nanoseconds. */
    interface Distribution {
        long draw(SplittableRandom random);
    }

    /** Median 20 ms, so the 1 ms floor of the defaults never decides; only the statistics do. */
    static final Distribution LOGNORMAL = random -> Math.round(20e6 * Math.exp(0.5 * gaussian(random)));

    /** A cache: 80 % hits around 10 ms, 20 % misses around 80 ms (the tail percentiles are the misses). */
    static final Distribution BIMODAL = random -> random.nextDouble() < 0.8
            ? Math.round(10e6 * Math.exp(0.2 * gaussian(random)))
            : Math.round(80e6 * Math.exp(0.3 * gaussian(random)));

    /** Pareto with shape 2.5 from 15 ms: a heavy tail (p99 about 6 times p50), finite variance. */
    static final Distribution PARETO = random -> Math.round(15e6 * Math.pow(1 - random.nextDouble(), -1 / 2.5));

    private final DiffRule rule;
    private final Distribution distribution;
    private final SplittableRandom random;

    DiffSimulation(DiffRule rule, Distribution distribution, long seed) {
        this.rule = rule;
        this.distribution = distribution;
        this.random = new SplittableRandom(seed);
    }

    /**
     * How often each metric came out regressed over {@code trials} diffs of {@code calls} calls a run,
     * the current run slower by {@code factor}, and each run shifted as a whole by a random factor
     * of standard deviation {@code runNoise} (0 for none): the JIT or the machine having a good or bad day.
     */
    Map<Metric, Double> regressionRates(int calls, int trials, double factor, double runNoise) {
        return regressionRates(calls, trials, factor, runNoise, 1);
    }

    /** The same with {@code baseRuns} base runs of {@code calls} calls each, merged, against one current run. */
    Map<Metric, Double> regressionRates(int calls, int trials, double factor, double runNoise, int baseRuns) {
        Map<Metric, Integer> regressed = new EnumMap<>(Metric.class);
        for (int trial = 0; trial < trials; trial++) {
            List<ReportFile> base = new ArrayList<>();
            for (int run = 0; run < baseRuns; run++) {
                base.add(TestReports.file("base-" + run + ".json", TestReports.report(run(calls, runShift(runNoise)))));
            }
            OperationReport current = run(calls, factor * runShift(runNoise));
            ReportDiff diff = ReportDiff.of(runs(base), Runs.of(TestReports.file("current.json", TestReports.report(current))), rule);
            for (MetricChange change : diff.compared().get(0).changes()) {
                if (change.verdict() == MetricChange.Verdict.REGRESSED) {
                    regressed.merge(change.metric(), 1, Integer::sum);
                }
            }
        }
        Map<Metric, Double> rates = new EnumMap<>(Metric.class);
        for (Metric metric : rule.metrics()) {
            rates.put(metric, regressed.getOrDefault(metric, 0) / (double) trials);
        }
        return rates;
    }

    private static Runs runs(List<ReportFile> files) {
        try {
            return Runs.of(files);
        } catch (UnreadableReportException e) {
            throw new IllegalStateException("simulated reports always merge", e);
        }
    }

    private double runShift(double runNoise) {
        return runNoise == 0 ? 1 : Math.exp(runNoise * gaussian(random));
    }

    private OperationReport run(int calls, double factor) {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            nanos[i] = Math.round(distribution.draw(random) * factor);
        }
        return TestReports.op("com.acme.Shop#checkout").latencies(nanos).build();
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static List<Metric> everyBoundedMetric() {
        return List.of(Metric.P50, Metric.P90, Metric.P95, Metric.P99, Metric.P999, Metric.MEAN);
    }
}
