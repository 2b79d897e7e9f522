package dev.sonde.report.diff;

import dev.sonde.report.OperationReport;
import dev.sonde.report.ReportFile;
import dev.sonde.report.TestReports;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunsTest {

    private static final long MS = 1_000_000;
    private static final MetricEstimator ESTIMATOR = new MetricEstimator(Confidence.defaults());
    private static final DiffRule RULE = new DiffRule(DiffRule.DEFAULT_THRESHOLD_PERCENT, List.of(Metric.P50), 10, MS, 1024);

    @Test
    void aSingleRunsIntervalAllowsForTheWholeRunBeingAFewPercentOff() {
        OperationReport exact = constant(20 * MS);

        MetricEstimate estimate = Runs.of(file("base.json", exact)).estimate(Metric.P50, exact, ESTIMATOR);

        // every call took 20 ms, so the calls alone pin p50 down exactly; the run's drift widens it by 1.96 × 3 %
        double allowance = 1.96 * 0.03 * estimate.value();
        assertThat((double) estimate.upper() - estimate.value()).isCloseTo(allowance, within(1_000.0));
        assertThat((double) estimate.value() - estimate.lower()).isCloseTo(allowance, within(1_000.0));
    }

    @Test
    void severalBaseRunsWidenTheIntervalToTakeInEachRunsOwnFigure() throws Exception {
        Runs three = Runs.of(List.of(file("run-1.json", constant(20 * MS)), file("run-2.json", constant(20 * MS)),
                file("run-3.json", constant(24 * MS))));

        MetricEstimate estimate = three.estimate(Metric.P50, three.report().operations.get(0), ESTIMATOR);

        assertThat(estimate.value()).isBetween(20 * MS, 21 * MS);
        assertThat(estimate.upper()).isGreaterThanOrEqualTo(24 * MS);
    }

    @Test
    void aChangeWithinTheSpreadOfTheBaseRunsIsInconclusiveThoughAgainstOneOfThemItRegresses() throws Exception {
        ReportFile current = file("current.json", constant(24 * MS));
        Runs one = Runs.of(file("run-1.json", constant(20 * MS)));
        Runs three = Runs.of(List.of(file("run-1.json", constant(20 * MS)), file("run-2.json", constant(20 * MS)),
                file("run-3.json", constant(24 * MS))));

        assertThat(verdict(one, current)).isEqualTo(MetricChange.Verdict.REGRESSED);
        assertThat(verdict(three, current)).isEqualTo(MetricChange.Verdict.INCONCLUSIVE);
    }

    private static MetricChange.Verdict verdict(Runs base, ReportFile current) {
        return ReportDiff.of(base, Runs.of(current), RULE).compared().get(0).change(Metric.P50).verdict();
    }

    /** 400 calls that each took {@code nanos}: p50 exact. */
    private static OperationReport constant(long nanos) {
        return op("com.acme.Shop#checkout").latencies(TestReports.spread(nanos, nanos, 400)).build();
    }

    private static ReportFile file(String name, OperationReport operation) {
        return TestReports.file(name, TestReports.report(operation));
    }
}
