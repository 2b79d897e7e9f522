package dev.sonde.export;

import org.HdrHistogram.Histogram;

import java.util.Arrays;

/**
 * An HdrHistogram's counts regrouped on an {@link ExponentialGrid}: the count of exact zeros, then
 * the buckets that hold values, in increasing order. Each HdrHistogram bucket (1 % wide at two
 * significant digits, narrower than any grid bucket used here) goes whole to the grid bucket of
 * its highest value, the same value sonde's reports give for a percentile that falls in it.
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

    /** {@code histogram}'s values times {@code scale} (nanoseconds to seconds: 1e-9) on {@code grid}. */
    static HdrBuckets of(Histogram histogram, double scale, ExponentialGrid grid) {
        long zeros = histogram.getCountAtValue(0);
        long left = histogram.getTotalCount() - zeros;
        int[] indexes = new int[16];
        long[] counts = new long[16];
        int size = 0;
        // From the lowest value up, not from 0 as the library's iterators go: the HdrHistogram
        // buckets below an operation's fastest call are often more than those it has values in.
        long max = histogram.getMaxValue();
        for (long value = histogram.getMinNonZeroValue(); left > 0 && value <= max;
             value = histogram.nextNonEquivalentValue(value)) {
            long count = histogram.getCountAtValue(value);
            if (count == 0) {
                continue;
            }
            left -= count;
            int index = grid.index(histogram.highestEquivalentValue(value) * scale);
            // Values come in increasing order, so equal indexes are next to each other.
            if (size > 0 && indexes[size - 1] == index) {
                counts[size - 1] += count;
                continue;
            }
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            indexes[size] = index;
            counts[size] = count;
            size++;
        }
        return new HdrBuckets(zeros, Arrays.copyOf(indexes, size), Arrays.copyOf(counts, size));
    }

    long zeros() {
        return zeros;
    }

    /**
     * The same counts on {@code coarser}, a grid of a lower schema than {@code grid}, the one these
     * buckets are on: cheaper than reading the HdrHistogram again, and exactly what that would give,
     * since each bucket of the finer grid lies in one bucket of the coarser.
     */
    HdrBuckets on(ExponentialGrid coarser, ExponentialGrid grid) {
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
