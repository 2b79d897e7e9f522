package dev.sonde.report;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.RecordingOptions;
import dev.sonde.record.ThreadLocalRecorder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static dev.sonde.report.TestReports.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReportMergerTest {

    private final ReportMerger merger = new ReportMerger();

    @Test
    void mergeOfTwoReportsEqualsTheReportOfTheCombinedHistograms() throws Exception {
        long[] first = randomLatencies(1, 3_000);
        long[] second = randomLatencies(2, 5_000);
        long[] all = LongStream.concat(LongStream.of(first), LongStream.of(second)).toArray();

        Report merged = merge(
                TestReports.report(op("a#place").latencies(first).errors(3).build(), op("a#only1").latencies(5, 7).build()),
                TestReports.report(op("a#place").latencies(second).errors(4).build()));
        OperationReport combined = op("a#place").latencies(all).errors(7).build();

        OperationReport place = operation(merged, "a#place");
        assertThat(place.count).isEqualTo(combined.count);
        assertThat(place.errors).isEqualTo(combined.errors);
        assertThat(place.latencyNs).usingRecursiveComparison().ignoringFields("histogram").isEqualTo(combined.latencyNs);
        assertThat(HistogramCodec.decode(place.latencyNs.histogram)).isEqualTo(HistogramCodec.decode(combined.latencyNs.histogram));
    }

    @Test
    void cancelledAsyncCallsAreAddedAndStayAbsentWhereNoneWereCancelled() throws Exception {
        Report merged = merge(
                TestReports.report(op("a#quote").latencies(5, 7).cancelled(2).build(), op("a#plain").latencies(3).build()),
                TestReports.report(op("a#quote").latencies(9).cancelled(3).build(), op("a#plain").latencies(4).build()));

        assertThat(operation(merged, "a#quote").cancelled).isEqualTo(5);
        assertThat(operation(merged, "a#quote").count).isEqualTo(3);
        assertThat(operation(merged, "a#plain").cancelled).isNull();
    }

    @Test
    void mergeOfReportsTheAgentBuiltEqualsTheReportItBuildsFromAllTheCalls() throws Exception {
        long[] first = randomLatencies(6, 4_000);
        long[] second = randomLatencies(7, 2_500);
        Report one = agentReport(first);
        Report other = agentReport(second);
        other.jvm.pid = 2;
        Report all = agentReport(LongStream.concat(LongStream.of(first), LongStream.of(second)).toArray());

        Report merged = merger.merge(List.of(TestReports.file("one.json", one), TestReports.file("other.json", other)));

        OperationReport expected = all.operations.get(0);
        OperationReport actual = merged.operations.get(0);
        assertThat(actual.count).isEqualTo(expected.count);
        assertThat(actual.errors).isEqualTo(expected.errors);
        assertThat(actual.latencyNs).usingRecursiveComparison().ignoringFields("histogram").isEqualTo(expected.latencyNs);
        assertThat(HistogramCodec.decode(actual.latencyNs.histogram)).isEqualTo(HistogramCodec.decode(expected.latencyNs.histogram));
        assertThat(merged.rankings).usingRecursiveComparison().isEqualTo(all.rankings);
    }

    @Test
    void mergedPercentilesMatchThoseOfAllRawValuesWithinHistogramPrecision() throws Exception {
        long[] first = randomLatencies(3, 20_000);
        long[] second = randomLatencies(4, 7_000);
        long[] third = randomLatencies(5, 1_000);
        long[] all = LongStream.concat(LongStream.concat(LongStream.of(first), LongStream.of(second)), LongStream.of(third))
                .sorted().toArray();

        OperationReport.LatencySummary latency = operation(merge(
                TestReports.report(op("a#b").latencies(first).build()),
                TestReports.report(op("a#b").latencies(second).build()),
                TestReports.report(op("a#b").latencies(third).build())), "a#b").latencyNs;

        assertThat(latency.min).isEqualTo(all[0]);
        assertThat(latency.max).isEqualTo(all[all.length - 1]);
        assertThat(latency.total).isEqualTo(LongStream.of(all).sum());
        assertThat(latency.mean).isEqualTo(LongStream.of(all).sum() / all.length);
        assertWithinOnePercent(latency.p50, exactPercentile(all, 50));
        assertWithinOnePercent(latency.p90, exactPercentile(all, 90));
        assertWithinOnePercent(latency.p95, exactPercentile(all, 95));
        assertWithinOnePercent(latency.p99, exactPercentile(all, 99));
        assertWithinOnePercent(latency.p999, exactPercentile(all, 99.9));
    }

    @Test
    void averagingPercentilesWouldBeWrongAndMergeDoesNotDoIt() throws Exception {
        long[] fast = TestReports.spread(1_000, 2_000, 900);
        long[] slow = TestReports.spread(1_000_000, 2_000_000, 100);
        Report merged = merge(TestReports.report(op("a#b").latencies(fast).build()),
                TestReports.report(op("a#b").latencies(slow).build()));

        long[] all = LongStream.concat(LongStream.of(fast), LongStream.of(slow)).sorted().toArray();
        assertWithinOnePercent(operation(merged, "a#b").latencyNs.p50, exactPercentile(all, 50));
        assertWithinOnePercent(operation(merged, "a#b").latencyNs.p99, exactPercentile(all, 99));
    }

    @Test
    void windowSpansAllPartsAndThroughputIsOverThatWindow() throws Exception {
        Instant start = TestReports.START;
        Report merged = merge(
                TestReports.report(start, start.plusSeconds(60), op("a#b").latencies(TestReports.spread(10, 20, 60)).build()),
                TestReports.report(start.plusSeconds(30), start.plusSeconds(120), op("a#b").latencies(TestReports.spread(10, 20, 180)).build()));

        assertThat(merged.window.start).isEqualTo(start.toString());
        assertThat(merged.window.end).isEqualTo(start.plusSeconds(120).toString());
        assertThat(merged.window.seconds).isEqualTo(120.0);
        assertThat(operation(merged, "a#b").throughputPerSec).isEqualTo(2.0);
        assertThat(merged.trigger).isEqualTo("merge");
    }

    @Test
    void operationsOfOnlyOneReportAreKeptAndRankingsAreRecomputed() throws Exception {
        Report merged = merge(
                TestReports.report(op("a#slow").latencies(9_000_000).build(), op("a#busy").latencies(TestReports.spread(1_000, 1_000, 100)).build()),
                TestReports.report(op("a#busy").latencies(TestReports.spread(1_000_000, 1_000_000, 100)).build(), op("a#new").latencies(5).build()));

        assertThat(merged.operations).extracting(o -> o.name).containsExactly("a#busy", "a#slow", "a#new");
        assertThat(merged.rankings.byTotalTime).containsExactly("a#busy", "a#slow", "a#new");
        assertThat(merged.rankings.byP99).containsExactly("a#slow", "a#busy", "a#new");
        assertThat(merged.rankings.byCount).containsExactly("a#busy", "a#new", "a#slow");
        assertThat(merged.rankings.bySelfTime).isNull();
        assertThat(merged.rankings.byAllocBytes).isNull();
    }

    @Test
    void selfTimeAndAllocationAreAddedWhenEveryPartHasThem() throws Exception {
        Report merged = merge(
                TestReports.report(op("a#b").latencies(100, 200).self(50, 150).alloc(1_000, 3_000).build()),
                TestReports.report(op("a#b").latencies(300).self(250).alloc(8_000).build()));

        OperationReport operation = operation(merged, "a#b");
        assertThat(operation.selfNs.total).isEqualTo(450);
        assertThat(operation.selfNs.mean).isEqualTo(150);
        assertThat(operation.allocBytes.total).isEqualTo(12_000);
        assertThat(operation.allocBytes.mean).isEqualTo(4_000);
        assertThat(operation.allocBytes.max).isEqualTo(8_000);
        assertThat(HistogramCodec.decode(operation.allocBytes.histogram).getTotalCount()).isEqualTo(3);
        assertThat(merged.rankings.bySelfTime).containsExactly("a#b");
        assertThat(merged.rankings.byAllocBytes).containsExactly("a#b");
    }

    @Test
    void aSectionThatOnlySomePartsHaveIsLeftOutRatherThanUnderCounted() throws Exception {
        Report merged = merge(
                TestReports.report(op("a#b").latencies(100).alloc(1_000).self(80).build()),
                TestReports.report(op("a#b").latencies(300).build()));

        assertThat(operation(merged, "a#b").allocBytes).isNull();
        assertThat(operation(merged, "a#b").selfNs).isNull();
    }

    @Test
    void httpStatusClassesAreAdded() throws Exception {
        Report merged = merge(
                TestReports.report(op("GET /a/{id}").latencies(100, 200).http("GET", "/a/{id}", Map.of("2xx", 2L)).build()),
                TestReports.report(op("GET /a/{id}").latencies(300).http("GET", "/a/{id}", Map.of("2xx", 1L, "5xx", 4L)).build()));

        OperationReport.HttpSummary http = operation(merged, "GET /a/{id}").http;
        assertThat(http.route).isEqualTo("/a/{id}");
        assertThat(http.status).containsExactlyInAnyOrderEntriesOf(Map.of("2xx", 3L, "5xx", 4L));
        assertThat(operation(merged, "GET /a/{id}").kind).isEqualTo("http");
    }

    @Test
    void jvmIsKeptOnlyWhenAllPartsComeFromOneJvm() throws Exception {
        Report one = TestReports.report(TestReports.START, TestReports.START.plusSeconds(60), op("a#b").latencies(1).build());
        Report next = TestReports.report(TestReports.START.plusSeconds(60), TestReports.START.plusSeconds(120), op("a#b").latencies(1).build());
        assertThat(mergeAsIs(one, next).jvm.pid).isEqualTo(4242);

        Report merged = merge(one, next);
        assertThat(merged.jvm).isNull();
        assertThat(merged.warnings).isEmpty();
        assertThat(merged.dropped.operations).isZero();
    }

    @Test
    void partsOfOneJvmWithOverlappingWindowsAreWarnedAbout() throws Exception {
        Report first = TestReports.report(op("a#b").latencies(1).build());
        Report sameWindowAgain = TestReports.report(op("a#b").latencies(1).build());

        List<ReportFile> parts = List.of(TestReports.file("r1.json", first), TestReports.file("r2.json", sameWindowAgain));
        assertThat(merger.merge(parts).warnings).singleElement().asString()
                .contains("r1.json and r2.json come from the same JVM (pid 4242)").contains("counted twice");

        Report later = TestReports.report(TestReports.START.plusSeconds(60), TestReports.START.plusSeconds(120),
                op("a#b").latencies(1).build());
        assertThat(ReportMerger.overlaps(List.of(TestReports.file("r1.json", first), TestReports.file("r3.json", later)))).isEmpty();
    }

    @Test
    void droppedOperationsAndAgentPatternsAreCombined() throws Exception {
        Report first = TestReports.report(op("a#b").latencies(1).build());
        first.dropped.operations = 2;
        Report second = TestReports.report(op("a#b").latencies(1).build());
        second.dropped.operations = 3;
        second.agent.include = List.of("com.acme.**", "org.other.*");

        Report merged = merge(first, second);
        assertThat(merged.dropped.operations).isEqualTo(5);
        assertThat(merged.agent.include).containsExactly("com.acme.**", "org.other.*");
    }

    @Test
    void anOperationWithCallsButNoHistogramCannotBeMergedExactly() {
        Report report = TestReports.report(op("a#b").latencies(5, 6).build());
        report.operations.get(0).latencyNs.histogram = null;

        assertThatThrownBy(() -> merger.merge(List.of(TestReports.file("r.json", report))))
                .isInstanceOf(UnreadableReportException.class)
                .hasMessage("r.json: operations[0] (a#b): latencyNs.histogram is missing; merge needs it to recompute the percentiles");
    }

    @Test
    void aHistogramThatCannotBeDecodedIsOneClearError() {
        Report report = TestReports.report(op("a#b").latencies(5, 6).build());
        report.operations.get(0).latencyNs.histogram = "bm90IGEgaGlzdG9ncmFt";

        assertThatThrownBy(() -> merger.merge(List.of(TestReports.file("r.json", report))))
                .isInstanceOf(UnreadableReportException.class)
                .hasMessageStartingWith("r.json: is not a valid sonde report: operations[0] (a#b): latencyNs.histogram cannot be decoded")
                .hasMessageNotContaining("\n");
    }

    /** Merges reports as of several JVMs (each part gets its own pid). */
    private Report merge(Report... reports) throws UnreadableReportException {
        for (int i = 0; i < reports.length; i++) {
            reports[i].jvm.pid = 1000 + i;
        }
        return mergeAsIs(reports);
    }

    private Report mergeAsIs(Report... reports) throws UnreadableReportException {
        ReportFile[] files = new ReportFile[reports.length];
        for (int i = 0; i < reports.length; i++) {
            files[i] = TestReports.file("r" + i + ".json", reports[i]);
        }
        return merger.merge(List.of(files));
    }

    /** A report as the agent builds it, from calls recorded by its recorder (every tenth call fails). */
    private static Report agentReport(long[] latencies) {
        OperationRegistry registry = new OperationRegistry(10);
        ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(true, true));
        int operation = registry.register("a.B#c", OperationKind.METHOD);
        for (int i = 0; i < latencies.length; i++) {
            recorder.record(operation, latencies[i], i % 10 == 0);
        }
        Report.Jvm jvm = new Report.Jvm();
        jvm.pid = 1;
        return new ReportBuilder().trigger("shutdown").jvm(jvm)
                .window(TestReports.START, TestReports.START.plusSeconds(60))
                .operations(recorder.snapshot()).build();
    }

    private static OperationReport operation(Report report, String name) {
        return report.operations.stream().filter(o -> o.name.equals(name)).findFirst().orElseThrow();
    }

    /** Log-normal-ish latencies from ~1 µs to ~100 ms, the shape real services have. */
    private static long[] randomLatencies(long seed, int count) {
        Random random = new Random(seed);
        return LongStream.range(0, count).map(i -> (long) Math.exp(random.nextGaussian() * 2 + 11)).map(v -> Math.max(1, v)).toArray();
    }

    /** The nearest-rank percentile of sorted values, the definition HdrHistogram follows (rank rounded up, no float overshoot). */
    private static long exactPercentile(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile * sorted.length / 100 - 1e-9);
        return sorted[Math.max(0, rank - 1)];
    }

    private static void assertWithinOnePercent(long actual, long expected) {
        assertThat((double) actual).isCloseTo(expected, within(Math.max(1, expected * 0.01)));
    }
}
