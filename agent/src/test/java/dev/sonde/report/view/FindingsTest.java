package dev.sonde.report.view;

import dev.sonde.report.OperationReport;
import dev.sonde.report.TestReports;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;

class FindingsTest {

    private static final long MS = 1_000_000;

    @Test
    void eachFindingNamesTheOperationAndTheFigureThatEarnedIt() {
        List<OperationReport> operations = List.of(
                op("a#slowTail").latencies(concat(TestReports.spread(MS, MS, 95), TestReports.spread(50 * MS, 50 * MS, 5))).build(),
                op("a#busy").latencies(TestReports.spread(2 * MS, 3 * MS, 1000)).build(),
                op("a#failing").latencies(TestReports.spread(MS, MS, 10)).errors(4).build(),
                op("a#hungry").latencies(TestReports.spread(MS, MS, 10)).alloc(3 * 1024 * 1024, 1024 * 1024).build());

        List<Finding> findings = Findings.of(operations);

        assertThat(findings).extracting(Finding::key).containsExactly(
                "highestP99", "mostTotalTime", "highestErrorRate", "highestVariance", "mostAllocationPerCall");
        assertThat(findings).extracting(Finding::operation).containsExactly("a#slowTail", "a#busy", "a#failing", "a#slowTail", "a#hungry");
        assertThat(findings.get(0).figure()).isEqualTo("50.0 ms");
        assertThat(findings.get(2).figure()).isEqualTo("40.0%");
        assertThat(findings.get(2).detail()).isEqualTo("4 of 10 calls");
        OperationReport.LatencySummary tail = operations.get(0).latencyNs;
        assertThat(findings.get(3).figure()).isEqualTo(HumanUnits.ratio((double) tail.p99 / tail.p50)).startsWith("49.");
        assertThat(findings.get(4).figure()).isEqualTo("2.0 MiB/call");
    }

    @Test
    void aFindingWithoutDataForItIsLeftOut() {
        List<Finding> findings = Findings.of(List.of(op("a#b").latencies(TestReports.spread(MS, MS, 50)).build()));
        assertThat(findings).extracting(Finding::key).containsExactly("highestP99", "mostTotalTime");
    }

    @Test
    void varianceNeedsEnoughCallsAndAtLeastDoubleTheMedian() {
        assertThat(Findings.of(List.of(op("a#few").latencies(1, 1, 1, 1, 100).build())))
                .extracting(Finding::key).doesNotContain("highestVariance");
        assertThat(Findings.of(List.of(op("a#steady").latencies(TestReports.spread(MS, (long) (1.9 * MS), 100)).build())))
                .extracting(Finding::key).doesNotContain("highestVariance");
    }

    @Test
    void operationsWithFewerThanTenCallsAreNeverFindingsHoweverSlow() {
        List<Finding> findings = Findings.of(List.of(
                op("a#main").latencies(900 * MS).errors(1).alloc(500 * 1024 * 1024).build(),
                op("a#handle").latencies(TestReports.spread(MS, 3 * MS, Findings.MIN_CALLS)).build()));

        assertThat(findings).extracting(Finding::operation).containsOnly("a#handle");
        assertThat(findings).extracting(Finding::key).containsExactly("highestP99", "mostTotalTime");
    }

    @Test
    void anEmptyReportHasNoFindings() {
        assertThat(Findings.of(List.of())).isEmpty();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
