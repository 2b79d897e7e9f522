package dev.sonde.record;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotBaselineTest {

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(true, true));
    private final int place = registry.register("a.Orders#place", OperationKind.METHOD);
    private final int charge = registry.register("a.Payments#charge", OperationKind.METHOD);

    @Test
    void fromTheStartEveryCallIsInTheWindow() {
        record(place, 1_000, 10);
        List<OperationSnapshot> window = SnapshotBaseline.START.since(recorder.snapshot());
        assertThat(window).singleElement().satisfies(op -> assertThat(op.count()).isEqualTo(10));
    }

    @Test
    void aWindowHoldsOnlyTheCallsSinceItsBaselineWithExactCountsTotalsAndErrors() {
        record(place, 1_000, 100);
        SnapshotBaseline baseline = SnapshotBaseline.of(recorder.snapshot());
        record(place, 5_000, 30);
        recorder.record(place, 7_000, true);

        OperationSnapshot window = only(baseline.since(recorder.snapshot()));
        assertThat(window.name()).isEqualTo("a.Orders#place");
        assertThat(window.count()).isEqualTo(31);
        assertThat(window.errors()).isEqualTo(1);
        assertThat(window.totalNanos()).isEqualTo(30 * 5_000 + 7_000);
        assertThat(window.latency().getTotalCount()).isEqualTo(31);
        assertThat(window.latency().getValueAtPercentile(50)).isBetween(4_950L, 5_050L);
    }

    @Test
    void operationsNotCalledInTheWindowAreLeftOut() {
        record(place, 1_000, 5);
        record(charge, 2_000, 5);
        SnapshotBaseline baseline = SnapshotBaseline.of(recorder.snapshot());
        record(charge, 2_000, 3);

        assertThat(baseline.since(recorder.snapshot())).extracting(OperationSnapshot::name)
                .containsExactly("a.Payments#charge");
    }

    @Test
    void anOperationWhoseCallsInTheWindowWereAllCancelledIsInTheWindowWithItsCancellations() {
        record(place, 1_000, 5);
        SnapshotBaseline baseline = SnapshotBaseline.of(recorder.snapshot());
        recorder.asyncCancelled(place);
        recorder.asyncCancelled(place);

        OperationSnapshot window = only(baseline.since(recorder.snapshot()));
        assertThat(window.count()).isZero();
        assertThat(window.cancelled()).isEqualTo(2);
    }

    @Test
    void aNewExtremeInTheWindowIsExactAndOtherwiseTheExtremesComeFromTheHistogramWithinTheCumulativeOnes() {
        record(place, 100, 1);
        record(place, 90_000, 1);
        SnapshotBaseline baseline = SnapshotBaseline.of(recorder.snapshot());
        record(place, 123_457, 1);
        record(place, 5_003, 1);

        OperationSnapshot window = only(baseline.since(recorder.snapshot()));
        assertThat(window.maxNanos()).as("new maximum, exact").isEqualTo(123_457);
        assertThat(window.minNanos()).as("not a new minimum: from the histogram").isBetween(4_950L, 5_003L);
    }

    @Test
    void consecutiveWindowsAddUpToTheCumulativeFigures() {
        SnapshotBaseline baseline = SnapshotBaseline.START;
        long count = 0;
        long total = 0;
        for (int window = 1; window <= 5; window++) {
            record(place, window * 1_000L, window * 40);
            List<OperationSnapshot> cumulative = recorder.snapshot();
            OperationSnapshot piece = only(baseline.since(cumulative));
            count += piece.count();
            total += piece.totalNanos();
            baseline = SnapshotBaseline.of(cumulative);
        }
        OperationSnapshot all = only(recorder.snapshot());
        assertThat(count).isEqualTo(all.count());
        assertThat(total).isEqualTo(all.totalNanos());
    }

    @Test
    void selfTimeAndAllocationAreCutToTheWindowToo() {
        recordFrame(place, 1_000);
        SnapshotBaseline baseline = SnapshotBaseline.of(recorder.snapshot());
        recordFrame(place, 2_000);
        recordFrame(place, 3_000);

        OperationSnapshot window = only(baseline.since(recorder.snapshot()));
        assertThat(window.selfCount()).isEqualTo(2);
        assertThat(window.selfTotalNanos()).isEqualTo(5_000);
        assertThat(window.allocationCount() + window.allocationUnavailable()).isEqualTo(2);
    }

    private void record(int operation, long nanos, int times) {
        for (int i = 0; i < times; i++) {
            recorder.record(operation, nanos, false);
        }
    }

    private void recordFrame(int operation, long nanos) {
        Object frame = recorder.enter();
        recorder.exit(frame, operation, nanos, false);
    }

    private static OperationSnapshot only(List<OperationSnapshot> snapshots) {
        assertThat(snapshots).hasSize(1);
        return snapshots.get(0);
    }
}
