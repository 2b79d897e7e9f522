package org.HdrHistogram;

/**
 * sonde's, not HdrHistogram's: many values recorded into a histogram in one pass, with the same
 * result as {@code recordValue} for each. {@code recordValue} also reads the histogram's volatile
 * maximum and minimum and adds to its total count, for every value; here each value is only its
 * bucket's increment, and the total count and the extremes are updated once per batch. This runs
 * on the application's thread whenever one of its buffers of 64 calls is full, so its cost is part
 * of every timed call's: one value at a time, it was about half of what timing a call cost above
 * the two clock reads (12 of 22 ns, measured with {@code bench/call-cost}); in bulk it is 6 ns.
 *
 * <p>It sits in HdrHistogram's package for the package-private index and count methods, like
 * {@link CountsInPlace}, and is relocated with the library. The caller guards the histogram.
 */
public final class BulkRecording {

    private BulkRecording() {
    }

    /**
     * Records {@code values[0]} to {@code values[size - 1]}. A negative value is skipped if
     * {@code skipNegative}, or else recorded as 0. A value past the histogram's current range goes
     * through {@code recordValue}, which resizes it (or throws, as it would have).
     */
    public static void recordEach(Histogram histogram, int[] values, int size, boolean skipNegative) {
        if (histogram.normalizingIndexOffset != 0) {
            recordOneByOne(histogram, values, 0, size, skipNegative);
            return;
        }
        long[] counts = histogram.counts;
        long recorded = 0;
        long highest = 0;
        long lowestNonZero = Long.MAX_VALUE;
        int i = 0;
        // No call in this loop: the JIT then keeps the histogram's layout fields in registers.
        for (; i < size; i++) {
            int value = values[i];
            if (value < 0) {
                if (skipNegative) {
                    continue;
                }
                value = 0;
            }
            int index = histogram.countsArrayIndex(value);
            if (index >= counts.length) {
                break;
            }
            counts[index]++;
            recorded++;
            highest = Math.max(highest, value);
            if (value != 0) {
                lowestNonZero = Math.min(lowestNonZero, value);
            }
        }
        histogram.addToTotalCount(recorded);
        histogram.updateMinAndMax(highest);
        if (lowestNonZero != Long.MAX_VALUE) {
            histogram.updateMinAndMax(lowestNonZero);
        }
        // A value past the histogram's range: it and the rest one by one, the first resizing it.
        recordOneByOne(histogram, values, i, size, skipNegative);
    }

    private static void recordOneByOne(Histogram histogram, int[] values, int from, int size, boolean skipNegative) {
        for (int i = from; i < size; i++) {
            int value = values[i];
            if (value >= 0 || !skipNegative) {
                histogram.recordValue(Math.max(0, value));
            }
        }
    }
}
