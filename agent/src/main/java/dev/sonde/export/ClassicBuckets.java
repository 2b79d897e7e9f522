package dev.sonde.export;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;

/**
 * Classic Prometheus buckets ({@code le} series) on the schema-3 grid: bounds 2^(1/8) apart, so
 * {@code histogram_quantile} is off by at most one bucket's width, 9.05 % of the value.
 *
 * <p>A fixed set of such bounds from a microsecond to minutes would be about 200 series per
 * operation. So each operation shows only the bounds from the one just below its lowest value to
 * its highest value, plus {@code le="0"} when it had zeros and {@code +Inf}. Its values only
 * spread over time (the figures are cumulative), so a bound once shown is shown at every later
 * scrape. The empty bound below the lowest value matters: {@code histogram_quantile} interpolates
 * the lowest bucket from 0, which would halve a quantile that falls in it.
 */
final class ClassicBuckets {

    static final ExponentialGrid GRID = new ExponentialGrid(3);

    private ClassicBuckets() {
    }

    static ClassicHistogramBuckets of(HdrBuckets hdr) {
        ClassicHistogramBuckets.Builder buckets = ClassicHistogramBuckets.builder();
        if (hdr.zeros() > 0) {
            buckets.bucket(0.0, hdr.zeros());
        }
        int[] indexes = hdr.indexes();
        long[] counts = hdr.counts();
        if (indexes.length > 0) {
            int lowest = indexes[0];
            int highest = indexes[indexes.length - 1];
            long[] dense = new long[highest - lowest + 2];
            for (int i = 0; i < indexes.length; i++) {
                dense[indexes[i] - lowest + 1] = counts[i];
            }
            for (int i = 0; i < dense.length; i++) {
                buckets.bucket(GRID.upperBound(lowest - 1 + i), dense[i]);
            }
        }
        return buckets.bucket(Double.POSITIVE_INFINITY, 0).build();
    }
}
