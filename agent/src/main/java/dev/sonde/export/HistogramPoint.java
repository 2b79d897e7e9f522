package dev.sonde.export;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import org.HdrHistogram.Histogram;

/**
 * One operation's HdrHistogram as a Prometheus histogram point: classic buckets, a native
 * histogram or both (see {@link HistogramParts}), always from the same counts, so the two never
 * disagree. Only the parts asked for are built.
 */
final class HistogramPoint {

    private HistogramPoint() {
    }

    /**
     * @param scale what one recorded unit is in the exported unit (1e-9: nanoseconds to seconds)
     * @param sum   the exact total, already in the exported unit
     */
    static HistogramDataPointSnapshot of(Histogram histogram, double scale, double sum, Labels labels,
                                         HistogramParts parts) {
        if (!parts.nativeBuckets()) {
            ClassicHistogramBuckets classic = ClassicBuckets.of(HdrBuckets.of(histogram, scale, ClassicBuckets.GRID));
            return new HistogramDataPointSnapshot(classic, sum, labels, Exemplars.EMPTY, 0L);
        }
        HdrBuckets fine = HdrBuckets.of(histogram, scale, NativeBuckets.GRID);
        if (!parts.classic()) {
            return new HistogramDataPointSnapshot(NativeBuckets.GRID.schema(), fine.zeros(), NativeBuckets.ZERO_THRESHOLD,
                    NativeBuckets.of(fine), NativeHistogramBuckets.EMPTY, sum, labels, Exemplars.EMPTY, 0L);
        }
        // One pass over the HdrHistogram for both: the classic grid's buckets are unions of the native grid's.
        ClassicHistogramBuckets classic = ClassicBuckets.of(fine.on(ClassicBuckets.GRID, NativeBuckets.GRID));
        return new HistogramDataPointSnapshot(classic, NativeBuckets.GRID.schema(), fine.zeros(),
                NativeBuckets.ZERO_THRESHOLD, NativeBuckets.of(fine), NativeHistogramBuckets.EMPTY, sum, labels,
                Exemplars.EMPTY, 0L);
    }
}
