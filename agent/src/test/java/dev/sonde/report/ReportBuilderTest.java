package dev.sonde.report;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.RecordingOptions;
import dev.sonde.record.ThreadLocalRecorder;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportBuilderTest {

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(true, true));
    private final Instant start = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void percentilesComeFromAllRecordedValuesWithinHistogramPrecision() {
        int op = registry.register("a.B#uniform", OperationKind.METHOD);
        for (long value = 1; value <= 10_000; value++) {
            recorder.record(op, value * 1_000, false);
        }
        OperationReport.LatencySummary latency = build().operations.get(0).latencyNs;

        assertThat(latency.min).isEqualTo(1_000);
        assertThat(latency.max).isEqualTo(10_000_000);
        assertThat(latency.total).isEqualTo(1_000L * 10_000 * 10_001 / 2);
        assertThat(latency.mean).isEqualTo(latency.total / 10_000);
        assertThat((double) latency.p50).isCloseTo(5_000_000, within(5_000_000 * 0.01));
        assertThat((double) latency.p90).isCloseTo(9_000_000, within(9_000_000 * 0.01));
        assertThat((double) latency.p99).isCloseTo(9_900_000, within(9_900_000 * 0.01));
        assertThat(latency.p999).isBetween(latency.p99, latency.max);
    }

    @Test
    void encodedHistogramDecodesToTheSameCounts() throws Exception {
        int op = registry.register("a.B#c", OperationKind.METHOD);
        for (int i = 0; i < 500; i++) {
            recorder.record(op, 10_000 + i, false);
        }
        Histogram decoded = HistogramCodec.decode(build().operations.get(0).latencyNs.histogram);
        assertThat(decoded.getTotalCount()).isEqualTo(500);
        assertThat(decoded.getValueAtPercentile(50)).isCloseTo(10_250, within(150L));
    }

    @Test
    void operationsAreSortedByTotalTimeAndRankedByTotalAndP99() {
        int many = registry.register("a#manyFast", OperationKind.METHOD);
        int few = registry.register("a#fewSlow", OperationKind.METHOD);
        for (int i = 0; i < 1000; i++) {
            recorder.record(many, 1_000, false);
        }
        for (int i = 0; i < 2; i++) {
            recorder.record(few, 100_000, false);
        }
        Report report = build();

        assertThat(report.operations.stream().map(o -> o.name).collect(Collectors.toList()))
                .containsExactly("a#manyFast", "a#fewSlow");
        assertThat(report.rankings.byTotalTime).containsExactly("a#manyFast", "a#fewSlow");
        assertThat(report.rankings.byP99).containsExactly("a#fewSlow", "a#manyFast");
    }

    @Test
    void throughputIsCallsPerSecondOfTheWindow() {
        int op = registry.register("a#b", OperationKind.METHOD);
        for (int i = 0; i < 120; i++) {
            recorder.record(op, 10, false);
        }
        Report report = build();
        assertThat(report.window.seconds).isEqualTo(60.0);
        assertThat(report.operations.get(0).throughputPerSec).isEqualTo(2.0);
        assertThat(report.operations.get(0).kind).isEqualTo("method");
    }

    @Test
    void rankingsListAtMostTheTopTwenty() {
        for (int n = 0; n < 30; n++) {
            recorder.record(registry.register("a#m" + n, OperationKind.METHOD), 1_000 + n, false);
        }
        Report report = build();
        assertThat(report.operations).hasSize(30);
        assertThat(report.rankings.byTotalTime).hasSize(ReportBuilder.RANKING_SIZE).startsWith("a#m29");
    }

    private Report build() {
        return new ReportBuilder()
                .trigger("on-demand")
                .window(start, start.plusSeconds(60))
                .operations(recorder.snapshot())
                .dropped(registry.droppedCount())
                .build();
    }
}
