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
     * Records {@code values[0]} to {@code values[size - 1]} and puts their sum and extremes in
     * {@code figures}. A negative value is skipped if {@code skipNegative}, or else recorded as 0.
     * A value past the histogram's current range goes through {@code recordValue}, which resizes it
     * (or throws, as it would have).
     */
    public static void recordEach(Histogram histogram, int[] values, int size, boolean skipNegative,
                                  Figures figures) {
        long[] counts = histogram.counts;
        // Never in sonde, which does not shift histograms: then every value goes through recordValue.
        int inPlaceBelow = histogram.normalizingIndexOffset == 0 ? counts.length : 0;
        long counted = 0;
        long sum = 0;
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        long lowestNonZero = Long.MAX_VALUE;
        int i = 0;
        // No call in this loop, so that the JIT keeps the histogram's layout in registers.
        for (; i < size; i++) {
            int value = values[i];
            if (value < 0) {
                if (skipNegative) {
                    continue;
                }
                value = 0;
            }
            int index = histogram.countsArrayIndex(value);
            if (index >= inPlaceBelow) {
                break;
            }
            counts[index]++;
            counted++;
            sum += value;
            lowest = Math.min(lowest, value);
            highest = Math.max(highest, value);
            if (value != 0) {
                lowestNonZero = Math.min(lowestNonZero, value);
            }
        }
        histogram.addToTotalCount(counted);
        histogram.updateMinAndMax(highest);
        if (lowestNonZero != Long.MAX_VALUE) {
            histogram.updateMinAndMax(lowestNonZero);
        }
        // A value past the histogram's range: it and the rest one by one, the first resizing it.
        for (; i < size; i++) {
            int value = values[i];
            if (value >= 0 || !skipNegative) {
                value = Math.max(0, value);
                histogram.recordValue(value);
                sum += value;
                lowest = Math.min(lowest, value);
                highest = Math.max(highest, value);
            }
        }
        figures.sum = sum;
        figures.lowest = lowest;
        figures.highest = highest;
    }

    /**
     * The exact figures of the last batch given to {@link #recordEach}: the histogram keeps neither
     * the sum nor exact extremes, and finding them in the same pass costs less than a second one.
     */
    public static final class Figures {
        /** The sum of the values recorded (a negative one counted as 0). */
        public long sum;
        /** The lowest value recorded, {@link Long#MAX_VALUE} if none was. */
        public long lowest;
        /** The highest value recorded, 0 if none was. */
        public long highest;
    }
}
