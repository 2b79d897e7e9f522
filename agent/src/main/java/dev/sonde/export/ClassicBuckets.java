package dev.sonde.export;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;

import java.util.Arrays;

/**
 * Classic Prometheus buckets ({@code le} series) on the grid of their metric ({@link HistogramGrids}):
 * for durations the schema-3 grid {@link #GRID}, bounds 2^(1/8) apart, so {@code histogram_quantile}
 * is off by at most one bucket's width, 9.05 % of the value. Bounds are shown to three significant
 * digits ({@link ExponentialGrid#shortUpperBound}).
 *
 * <p>A fixed set of such bounds from a microsecond to minutes would be about 200 series per
 * operation, and each is formatted at every scrape. So each operation shows only the bounds of the
 * buckets that hold its values, each with the bound just below it, plus {@code le="0"} when it had
 * zeros and {@code +Inf}. A stretch of empty buckets between two values becomes one empty bucket:
 * {@code histogram_quantile} never lands in it, and every bucket it can land in keeps its width.
 * The bound below a bucket matters as much as its own: {@code histogram_quantile} interpolates from
 * the previous bound, which would be 0 for the lowest, or far below for one after a gap, and halve
 * a quantile that falls in it. The figures are cumulative, so a bucket that held a value always
 * does: a bound once shown is shown at every later scrape.
 */
final class ClassicBuckets {

    static final ExponentialGrid GRID = new ExponentialGrid(3);

    private ClassicBuckets() {
    }

    /** @param hdr the counts on {@code grid}, {@link #GRID} for durations */
    static ClassicHistogramBuckets of(HdrBuckets hdr, ExponentialGrid grid) {
        int[] indexes = hdr.indexes();
        long[] counts = hdr.counts();
        // At most: le="0", a bound below each bucket and the bucket itself, +Inf. Arrays, not the
        // library's builder, which boxes every bound and count.
        double[] bounds = new double[2 * indexes.length + 2];
        long[] bucketCounts = new long[bounds.length];
        int size = 0;
        if (hdr.zeros() > 0) {
            bounds[size] = 0.0;
            bucketCounts[size++] = hdr.zeros();
        }
        for (int i = 0; i < indexes.length; i++) {
            if (i == 0 || indexes[i - 1] != indexes[i] - 1) {
                bounds[size++] = grid.shortUpperBound(indexes[i] - 1);
            }
            bounds[size] = grid.shortUpperBound(indexes[i]);
            bucketCounts[size++] = counts[i];
        }
        bounds[size++] = Double.POSITIVE_INFINITY;
        return ClassicHistogramBuckets.of(Arrays.copyOf(bounds, size), Arrays.copyOf(bucketCounts, size));
    }
}
