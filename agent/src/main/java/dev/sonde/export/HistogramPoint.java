package dev.sonde.export;

import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import org.HdrHistogram.Histogram;

/**
 * One operation's HdrHistogram as a Prometheus histogram point: classic buckets for text scrapes
 * and a native histogram for protobuf ones, both from the same counts, so the two never disagree.
 */
final class HistogramPoint {

    private HistogramPoint() {
    }

    /**
     * @param scale what one recorded unit is in the exported unit (1e-9: nanoseconds to seconds)
     * @param sum   the exact total, already in the exported unit
     */
    static HistogramDataPointSnapshot of(Histogram histogram, double scale, double sum, Labels labels) {
        HdrBuckets fine = HdrBuckets.of(histogram, scale, NativeBuckets.GRID);
        HdrBuckets classic = fine.on(ClassicBuckets.GRID, NativeBuckets.GRID);
        return new HistogramDataPointSnapshot(ClassicBuckets.of(classic), NativeBuckets.GRID.schema(), fine.zeros(),
                NativeBuckets.ZERO_THRESHOLD, NativeBuckets.of(fine), NativeHistogramBuckets.EMPTY, sum, labels,
                Exemplars.EMPTY, 0L);
    }
}
