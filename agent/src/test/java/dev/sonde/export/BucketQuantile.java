package dev.sonde.export;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;

/** PromQL's {@code histogram_quantile} over classic buckets (promql/quantile.go), for tests. */
final class BucketQuantile {

    private BucketQuantile() {
    }

    static double of(double q, ClassicHistogramBuckets buckets) {
        long total = 0;
        long[] cumulative = new long[buckets.size()];
        for (int i = 0; i < buckets.size(); i++) {
            total += buckets.getCount(i);
            cumulative[i] = total;
        }
        double rank = q * total;
        int b = 0;
        while (cumulative[b] < rank) {
            b++;
        }
        if (b == buckets.size() - 1) {
            return buckets.getUpperBound(b - 1);
        }
        if (b == 0 && buckets.getUpperBound(0) <= 0) {
            return buckets.getUpperBound(0);
        }
        double start = b == 0 ? 0 : buckets.getUpperBound(b - 1);
        long below = b == 0 ? 0 : cumulative[b - 1];
        double end = buckets.getUpperBound(b);
        return start + (end - start) * (rank - below) / (cumulative[b] - below);
    }
}
