package dev.sonde.export;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramBuckets;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableExponentialHistogramBuckets;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableExponentialHistogramPointData;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One operation's HdrHistogram as an OpenTelemetry exponential histogram point, on the grid of
 * the Prometheus native histogram of the same metric ({@link HistogramGrids#fine()}: scale 5,
 * buckets 2.2 % wide, for durations). OpenTelemetry numbers the buckets one lower than Prometheus:
 * its bucket {@code i} holds (base^i, base^(i+1)], Prometheus's (base^(i-1), base^i].
 */
final class ExponentialPoint {

    private ExponentialPoint() {
    }

    /** The positive buckets of {@code fine}, HdrHistogram counts on {@code grid}. */
    static ExponentialHistogramBuckets positive(HdrBuckets fine, ExponentialGrid grid) {
        int[] indexes = fine.indexes();
        if (indexes.length == 0) {
            return none(grid);
        }
        int lowest = indexes[0];
        int span = indexes[indexes.length - 1] - lowest + 1;
        long[] dense = new long[span];
        long[] counts = fine.counts();
        for (int i = 0; i < indexes.length; i++) {
            dense[indexes[i] - lowest] = counts[i];
        }
        List<Long> list = new ArrayList<>(span);
        for (long count : dense) {
            list.add(count);
        }
        return ImmutableExponentialHistogramBuckets.create(grid.schema(), lowest - 1, list);
    }

    /**
     * @param positive {@link #positive} of {@code fine}, on {@code grid}
     * @param sum the exact total, in the exported unit
     * @param max the exact largest value, in the exported unit; min likewise, or NaN when not known
     */
    static ExponentialHistogramPointData of(HdrBuckets fine, ExponentialHistogramBuckets positive, ExponentialGrid grid,
                                            double sum, double min, double max, long startNanos, long nowNanos,
                                            Attributes attributes) {
        return ImmutableExponentialHistogramPointData.create(grid.schema(), sum, fine.zeros(),
                !Double.isNaN(min), Double.isNaN(min) ? 0 : min, true, max, positive, none(grid), startNanos, nowNanos,
                attributes, Collections.emptyList());
    }

    private static ExponentialHistogramBuckets none(ExponentialGrid grid) {
        return ImmutableExponentialHistogramBuckets.create(grid.schema(), 0, Collections.emptyList());
    }
}
