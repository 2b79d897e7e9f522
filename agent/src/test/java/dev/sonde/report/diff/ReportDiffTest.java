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
                .containsExactly("regressed", "regressed", "improved", "ok", "ok");
        assertThat(diff.verdict()).isEqualTo("2 regressed of 5 compared operations");
    }

    @Test
    void aFractionalThresholdIsComparedExactly() {
        DiffRule rule = rule("2.5", List.of(Metric.P99), 10, 0, 0);
        assertThat(rule.judge(Metric.P99, 40 * MS, 41 * MS)).isEqualTo(MetricChange.Verdict.OK);
        assertThat(rule.judge(Metric.P99, 40 * MS, 41 * MS + 1)).isEqualTo(MetricChange.Verdict.REGRESSED);
        assertThat(rule.judge(Metric.P99, 41 * MS, 40 * MS - 26_000)).isEqualTo(MetricChange.Verdict.IMPROVED);
    }

    @Test
    void growthWithinTheAbsoluteFloorIsNotARegressionHoweverLargeInPercent() {
        assertThat(P99_TEN_PERCENT.judge(Metric.P99, 100_000, 300_000)).isEqualTo(MetricChange.Verdict.OK);
        assertThat(P99_TEN_PERCENT.judge(Metric.P99, 100_000, 100_000 + MS)).as("a delta equal to the floor is not above it")
                .isEqualTo(MetricChange.Verdict.OK);
        assertThat(P99_TEN_PERCENT.judge(Metric.P99, 100_000, 100_001 + MS)).isEqualTo(MetricChange.Verdict.REGRESSED);

        DiffRule lowFloor = rule("10", List.of(Metric.P99), 10, 100_000, 1024);
        assertThat(lowFloor.judge(Metric.P99, 100_000, 300_000)).isEqualTo(MetricChange.Verdict.REGRESSED);
    }

    @Test
    void aMetricGrowingFromZeroRegressesOnceItPassesTheFloor() {
        DiffRule rule = rule("10", List.of(Metric.P99), 1, 0, 0);
        assertThat(rule.judge(Metric.P99, 0, 1)).isEqualTo(MetricChange.Verdict.REGRESSED);
        assertThat(rule.judge(Metric.P99, 0, 0)).isEqualTo(MetricChange.Verdict.OK);
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
        Report base = TestReports.report(withP99("a#b", 10 * MS));
        OperationReport slower = withP99("a#b", 10 * MS);
        slower.latencyNs.p50 = base.operations.get(0).latencyNs.p50 + 5 * MS;
        ReportDiff diff = diff(base, TestReports.report(slower), rule);

        OperationDiff operation = diff.compared().get(0);
        assertThat(operation.changes()).extracting(MetricChange::metric).containsExactly(Metric.P50, Metric.P95, Metric.P99);
        assertThat(operation.changes()).filteredOn(c -> c.verdict() == MetricChange.Verdict.REGRESSED)
                .extracting(MetricChange::metric).containsExactly(Metric.P50);
    }

    @Test
    void allocationIsJudgedAgainstItsOwnBytesFloor() {
        DiffRule rule = rule("10", List.of(Metric.ALLOC), 1, MS, 1024);
        Report base = TestReports.report(op("a#grew").latencies(1, 1).alloc(2000, 2000).build(),
                op("a#grewLittle").latencies(1, 1).alloc(2000, 2000).build());
        Report current = TestReports.report(op("a#grew").latencies(1, 1).alloc(4000, 4000).build(),
                op("a#grewLittle").latencies(1, 1).alloc(2800, 2800).build());

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
        assertThat(DiffRule.defaults().describe()).isEqualTo("p50, p95, p99 grows by more than 10% and by more than 1.0 ms;"
                + " operations with fewer than 10 calls in either run are not compared");
        assertThat(rule("5", List.of(Metric.ALLOC), 1, MS, 2048).describe())
                .isEqualTo("alloc grows by more than 5% and by more than 2.0 KiB per call; every operation in both runs is compared");
    }

    private static OperationReport withP99(String name, long p99) {
        return op(name).latencies(TestReports.spread(p99 / 2, p99, 20)).p99(p99).build();
    }

    private static ReportDiff diff(Report base, Report current, DiffRule rule) {
        return ReportDiff.of(TestReports.file("base.json", base), TestReports.file("current.json", current), rule);
    }

    private static DiffRule rule(String thresholdPercent, List<Metric> metrics, long minCount, long minDeltaNanos, long minDeltaBytes) {
        return new DiffRule(new BigDecimal(thresholdPercent), metrics, minCount, minDeltaNanos, minDeltaBytes);
    }
}
