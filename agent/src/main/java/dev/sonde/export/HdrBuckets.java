package dev.sonde.export;

import dev.sonde.record.RecordedValues;

import java.util.Arrays;

/**
 * An HdrHistogram's counts ({@link RecordedValues}) regrouped on an {@link ExponentialGrid}: the
 * count of exact zeros, then the buckets that hold values, in increasing order. Each HdrHistogram
 * bucket (1 % wide at two significant digits, narrower than any grid bucket used here) goes whole
 * to the grid bucket of its highest value, the same value sonde's reports give for a percentile
 * that falls in it.
 */
final class HdrBuckets {

    private final long zeros;
    private final int[] indexes;
    private final long[] counts;

    private HdrBuckets(long zeros, int[] indexes, long[] counts) {
        this.zeros = zeros;
        this.indexes = indexes;
        this.counts = counts;
    }

    /** {@code values} times {@code scale} (nanoseconds to seconds: 1e-9) on {@code grid}. */
    static HdrBuckets of(RecordedValues values, double scale, ExponentialGrid grid) {
        long zeros = 0;
        int[] indexes = new int[values.buckets()];
        long[] counts = new long[values.buckets()];
        int size = 0;
        double upper = 0;
        for (int b = 0; b < values.buckets(); b++) {
            long value = values.valueAt(b);
            if (value == 0) {
                zeros += values.countAt(b);
                continue;
            }
            double scaled = value * scale;
            // Values come in increasing order: one at most the last grid bucket's bound is in it.
            if (size > 0 && scaled <= upper) {
                counts[size - 1] += values.countAt(b);
                continue;
            }
            indexes[size] = grid.index(scaled);
            upper = grid.upperBound(indexes[size]);
            counts[size++] = values.countAt(b);
        }
        return new HdrBuckets(zeros, Arrays.copyOf(indexes, size), Arrays.copyOf(counts, size));
    }

    long zeros() {
        return zeros;
    }

    /**
     * The same counts on {@code coarser}, a grid of a schema no higher than {@code grid}'s, the one these
     * buckets are on: cheaper than reading the HdrHistogram again, and exactly what that would give,
     * since each bucket of the finer grid lies in one bucket of the coarser.
     */
    HdrBuckets on(ExponentialGrid coarser, ExponentialGrid grid) {
        if (coarser.schema() == grid.schema()) {
            return this;
        }
        int[] merged = new int[indexes.length];
        long[] mergedCounts = new long[indexes.length];
        int size = 0;
        for (int i = 0; i < indexes.length; i++) {
            int index = grid.coarserIndex(indexes[i], coarser);
            if (size > 0 && merged[size - 1] == index) {
                mergedCounts[size - 1] += counts[i];
            } else {
                merged[size] = index;
                mergedCounts[size] = counts[i];
                size++;
            }
        }
        return new HdrBuckets(zeros, Arrays.copyOf(merged, size), Arrays.copyOf(mergedCounts, size));
    }

    /** Grid indexes of the buckets that hold values, increasing. */
    int[] indexes() {
        return indexes;
    }

    /** Counts of the buckets named by {@link #indexes()}, in the same order. */
    long[] counts() {
        return counts;
    }

    boolean hasPositiveValues() {
        return indexes.length > 0;
    }
}
