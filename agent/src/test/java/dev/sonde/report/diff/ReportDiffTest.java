package dev.sonde.report.diff;

import dev.sonde.report.OperationReport;
import dev.sonde.report.Report;
import dev.sonde.report.TestReports;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

class ReportDiffTest {

    private static final long MS = 1_000_000;
    private static final DiffRule P99_TEN_PERCENT = rule("10", List.of(Metric.P99), 10, MS, 1024);

    @Test
    void flagsExactlyTheRegressedOperationsAtTheThresholdBoundary() {
        Report base = TestReports.report(withP99("a#exactlyTenPercent", 10 * MS), withP99("a#justAbove", 10 * MS),
                withP99("a#ninePercent", 10 * MS), withP99("a#doubled", 10 * MS), withP99("a#faster", 10 * MS));
        Report current = TestReports.report(withP99("a#exactlyTenPercent", 11 * MS), withP99("a#justAbove", 11 * MS + 1),
                withP99("a#ninePercent", 10_900_000), withP99("a#doubled", 20 * MS), withP99("a#faster", 5 * MS));

        ReportDiff diff = diff(base, current, P99_TEN_PERCENT);

        assertThat(diff.regressed()).extracting(OperationDiff::name).containsExactly("a#doubled", "a#justAbove");
        assertThat(diff.hasRegression()).isTrue();
        assertThat(diff.compared()).extracting(OperationDiff::status)
                .containsExactly("regressed", "regressed", "improved", "unchanged", "unchanged");
        assertThat(diff.verdict()).isEqualTo("2 regressed of 5 compared operations");
    }

    @Test
    void aFractionalThresholdIsComparedExactly() {
        DiffRule rule = rule("2.5", List.of(Metric.P99), 10, 0, 0);
        assertThat(pointVerdict(rule, 40 * MS, 41 * MS)).isEqualTo(MetricChange.Verdict.UNCHANGED);
        assertThat(pointVerdict(rule, 40 * MS, 41 * MS + 1)).isEqualTo(MetricChange.Verdict.REGRESSED);
        assertThat(pointVerdict(rule, 41 * MS, 40 * MS - 26_000)).isEqualTo(MetricChange.Verdict.IMPROVED);
    }

    @Test
    void growthWithinTheAbsoluteFloorIsNotARegressionHoweverLargeInPercent() {
        assertThat(pointVerdict(P99_TEN_PERCENT, 100_000, 300_000)).isEqualTo(MetricChange.Verdict.UNCHANGED);
        assertThat(pointVerdict(P99_TEN_PERCENT, 100_000, 100_000 + MS)).as("a delta equal to the floor is not above it")
                .isEqualTo(MetricChange.Verdict.UNCHANGED);
        assertThat(pointVerdict(P99_TEN_PERCENT, 100_000, 100_001 + MS)).isEqualTo(MetricChange.Verdict.REGRESSED);

        DiffRule lowFloor = rule("10", List.of(Metric.P99), 10, 100_000, 1024);
        assertThat(pointVerdict(lowFloor, 100_000, 300_000)).isEqualTo(MetricChange.Verdict.REGRESSED);
    }

    @Test
    void aMetricGrowingFromZeroRegressesOnceItPassesTheFloor() {
        DiffRule rule = rule("10", List.of(Metric.P99), 1, 0, 0);
        assertThat(pointVerdict(rule, 0, 1)).isEqualTo(MetricChange.Verdict.REGRESSED);
        assertThat(pointVerdict(rule, 0, 0)).isEqualTo(MetricChange.Verdict.UNCHANGED);
    }

    @Test
    void operationsWithTooFewCallsInEitherRunAreIgnored() {
        Report base = TestReports.report(op("a#fewBefore").latencies(TestReports.spread(MS, MS, 9)).build(),
                op("a#fewAfter").latencies(TestReports.spread(MS, MS, 10)).build(),
                op("a#enough").latencies(TestReports.spread(MS, MS, 10)).build());
        Report current = TestReports.report(op("a#fewBefore").latencies(TestReports.spread(90 * MS, 90 * MS, 50)).build(),
                op("a#fewAfter").latencies(TestReports.spread(90 * MS, 90 * MS, 9)).build(),
                op("a#enough").latencies(TestReports.spread(MS, MS, 10)).build());

        ReportDiff diff = diff(base, current, P99_TEN_PERCENT);

        assertThat(diff.hasRegression()).isFalse();
        assertThat(diff.compared()).extracting(OperationDiff::name).containsExactly("a#enough");
        assertThat(diff.ignored()).extracting(IgnoredOperation::name).containsExactlyInAnyOrder("a#fewBefore", "a#fewAfter");
        assertThat(diff.ignored()).filteredOn(i -> i.name().equals("a#fewBefore"))
                .singleElement().satisfies(i -> assertThat(List.of(i.baseCount(), i.currentCount())).containsExactly(9L, 50L));
    }

    @Test
    void newAndVanishedOperationsAreListedApartAndNeverRegress() {
        Report base = TestReports.report(withP99("a#kept", MS), withP99("a#gone", MS));
        Report current = TestReports.report(withP99("a#kept", MS), withP99("a#new", 500 * MS));

        ReportDiff diff = diff(base, current, P99_TEN_PERCENT);

        assertThat(diff.added()).extracting(o -> o.name).containsExactly("a#new");
        assertThat(diff.vanished()).extracting(o -> o.name).containsExactly("a#gone");
        assertThat(diff.compared()).extracting(OperationDiff::name).containsExactly("a#kept");
        assertThat(diff.hasRegression()).isFalse();
    }

    @Test
    void everyChosenMetricCountsAndTheRegressedOnesAreNamed() {
        DiffRule rule = rule("10", List.of(Metric.P50, Metric.P95, Metric.P99), 10, MS, 1024);
        Report base = TestReports.report(op("a#b").latencies(concat(constant(10 * MS, 300), constant(50 * MS, 100))).build());
        Report slower = TestReports.report(op("a#b").latencies(concat(constant(10 * MS, 100), constant(20 * MS, 200),
                constant(50 * MS, 100))).build());
        ReportDiff diff = diff(base, slower, rule);

        OperationDiff operation = diff.compared().get(0);
        assertThat(operation.changes()).extracting(MetricChange::metric).containsExactly(Metric.P50, Metric.P95, Metric.P99);
        assertThat(operation.changes()).filteredOn(c -> c.verdict() == MetricChange.Verdict.REGRESSED)
                .extracting(MetricChange::metric).containsExactly(Metric.P50);
    }

    @Test
    void allocationIsJudgedAgainstItsOwnBytesFloor() {
        DiffRule rule = rule("10", List.of(Metric.ALLOC), 1, MS, 1024);
        Report base = TestReports.report(op("a#grew").latencies(constant(1, 40)).alloc(constant(2000, 40)).build(),
                op("a#grewLittle").latencies(constant(1, 40)).alloc(constant(2000, 40)).build());
        Report current = TestReports.report(op("a#grew").latencies(constant(1, 40)).alloc(constant(4000, 40)).build(),
                op("a#grewLittle").latencies(constant(1, 40)).alloc(constant(2800, 40)).build());

        assertThat(diff(base, current, rule).regressed()).extracting(OperationDiff::name).containsExactly("a#grew");
    }

    @Test
    void aMetricOneRunLacksIsNotComparedAndSaidSo() {
        DiffRule rule = rule("10", List.of(Metric.P99, Metric.ALLOC), 1, MS, 1024);
        Report base = TestReports.report(op("a#b").latencies(5, 6).build());
        Report current = TestReports.report(op("a#b").latencies(5, 6).alloc(100, 100).build());

        ReportDiff diff = diff(base, current, rule);
        assertThat(diff.compared().get(0).change(Metric.ALLOC)).isNull();
        assertThat(diff.notes()).singleElement().asString().startsWith("alloc not compared for 1 of 1 operations");
        assertThat(diff.metricsAbsentFromBothReports()).isEmpty();

        assertThat(diff(base, base, rule).metricsAbsentFromBothReports()).containsExactly(Metric.ALLOC);
    }

    @Test
    void theRuleDescribesItselfForReaders() {
        assertThat(DiffRule.defaults().describe()).isEqualTo("p50, p95, p99 grows by more than 10% and by more than 1.0 ms,"
                + " with the 95% interval of the change above 0; operations with fewer than 10 calls in either run are not compared");
        assertThat(rule("5", List.of(Metric.ALLOC), 1, MS, 2048).describe())
                .isEqualTo("alloc grows by more than 5% and by more than 2.0 KiB per call, with the 95% interval of the change"
                        + " above 0; every operation in both runs is compared");
    }

    /** 600 calls that all took {@code p99}: every percentile is exact (p99 has an interval from 555 calls). */
    private static OperationReport withP99(String name, long p99) {
        return op(name).latencies(constant(p99, 600)).build();
    }

    private static long[] constant(long value, int calls) {
        return TestReports.spread(value, value, calls);
    }

    private static long[] concat(long[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToLong(java.util.Arrays::stream).toArray();
    }

    /** The verdict of the threshold and the floor alone, as if both runs were exact. */
    private static MetricChange.Verdict pointVerdict(DiffRule rule, long base, long current) {
        MetricEstimate before = MetricEstimate.bounded(base, base, base, 400);
        MetricEstimate after = MetricEstimate.bounded(current, current, current, 400);
        return rule.judge(Metric.P99, before, after).verdict();
    }

    private static ReportDiff diff(Report base, Report current, DiffRule rule) {
        return ReportDiff.of(TestReports.file("base.json", base), TestReports.file("current.json", current), rule);
    }

    private static DiffRule rule(String thresholdPercent, List<Metric> metrics, long minCount, long minDeltaNanos, long minDeltaBytes) {
        return new DiffRule(new BigDecimal(thresholdPercent), metrics, minCount, minDeltaNanos, minDeltaBytes);
    }
}
