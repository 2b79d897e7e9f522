package dev.sonde.export;

import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;

/**
 * The native histogram of a protobuf scrape, on the grid of its metric ({@link HistogramGrids}):
 * for durations schema 5 ({@link #GRID}), buckets 2^(1/32) apart, 2.2 % wide. One series per
 * operation however many buckets it has. Exact zeros go to the zero bucket, whose threshold is 0.
 */
final class NativeBuckets {

    static final ExponentialGrid GRID = new ExponentialGrid(5);
    static final double ZERO_THRESHOLD = 0.0;

    private NativeBuckets() {
    }

    static NativeHistogramBuckets of(HdrBuckets hdr) {
        return NativeHistogramBuckets.of(hdr.indexes(), hdr.counts());
    }
}
