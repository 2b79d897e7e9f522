package dev.sonde.export;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;

/**
 * One operation's histogram as a Prometheus histogram point: classic buckets, a native histogram
 * or both (see {@link HistogramParts}), always from the same counts, so the two never disagree.
 */
final class HistogramPoint {

    private HistogramPoint() {
    }

    /**
     * @param fine the HdrHistogram's counts on {@code grids.fine()}, in the exported unit
     * @param sum  the exact total, in the exported unit
     */
    static HistogramDataPointSnapshot of(HdrBuckets fine, HistogramGrids grids, double sum, Labels labels,
                                         HistogramParts parts) {
        // The classic grid's buckets are unions of the native grid's: no second pass over the HdrHistogram.
        ClassicHistogramBuckets classic = parts.classic()
                ? ClassicBuckets.of(fine.on(grids.classic(), grids.fine()), grids.classic())
                : ClassicHistogramBuckets.EMPTY;
        int schema = grids.fine().schema();
        if (!parts.nativeBuckets()) {
            return new HistogramDataPointSnapshot(classic, sum, labels, Exemplars.EMPTY, 0L);
        }
        if (!parts.classic()) {
            return new HistogramDataPointSnapshot(schema, fine.zeros(), NativeBuckets.ZERO_THRESHOLD,
                    NativeBuckets.of(fine), NativeHistogramBuckets.EMPTY, sum, labels, Exemplars.EMPTY, 0L);
        }
        return new HistogramDataPointSnapshot(classic, schema, fine.zeros(),
                NativeBuckets.ZERO_THRESHOLD, NativeBuckets.of(fine), NativeHistogramBuckets.EMPTY, sum, labels,
                Exemplars.EMPTY, 0L);
    }
}
