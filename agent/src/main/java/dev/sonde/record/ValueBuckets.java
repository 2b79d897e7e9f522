package dev.sonde.record;

import org.HdrHistogram.CountsInPlace;
import org.HdrHistogram.Histogram;

import java.util.Arrays;

/**
 * Adds up one recorded quantity of an operation (its durations, or its allocated bytes) for a
 * metrics export without copying a histogram: each stripe's HdrHistogram is read where it is,
 * from its lowest value's bucket to its highest's, and the calls still in threads' buffers are
 * added value by value, into counts by HdrHistogram bucket. The buckets, the count, the total and
 * the extremes are exactly what a snapshot's copy would hold ({@link ValueTotals} says how each
 * value counts). Reused for one operation after the other ({@link #read} starts it anew); not
 * thread-safe.
 */
final class ValueBuckets {

    /** Where each value's bucket is: the same in every histogram of the recorder, whatever its size. */
    private static final Histogram LAYOUT = new Histogram(ValueTotals.SIGNIFICANT_DIGITS);

    /** By bucket index; only {@link #lowest} to {@link #highest} may be other than 0. */
    private long[] counts = new long[4096];
    /** Where {@link #read} gathers the buckets that hold values, before copying them out. */
    private long[] gatheredValues = new long[256];
    private long[] gatheredCounts = new long[256];
    private int lowest = Integer.MAX_VALUE;
    private int highest = -1;
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;

    /** A stripe's totals, which the caller holds the lock of. */
    void addAll(ValueTotals totals) {
        if (totals.count() == 0) {
            return;
        }
        Histogram histogram = totals.histogram();
        int from = CountsInPlace.indexOf(LAYOUT, totals.min());
        int to = CountsInPlace.indexOf(LAYOUT, totals.max());
        spanTo(from, to);
        for (int i = from; i <= to; i++) {
            counts[i] += CountsInPlace.countAt(histogram, i);
        }
        total += totals.total();
        min = Math.min(min, totals.min());
        max = Math.max(max, totals.max());
    }

    /** The first {@code size} values, each counted (a negative one as 0), as {@link ValueTotals#addEach} does. */
    void addEach(int[] values, int size) {
        for (int i = 0; i < size; i++) {
            add(Math.max(0, values[i]));
        }
    }

    /** The first {@code size} values that were measured, as {@link ValueTotals#addMeasured} adds them. */
    void addMeasured(int[] values, int size) {
        for (int i = 0; i < size; i++) {
            if (values[i] >= 0) {
                add(values[i]);
            }
        }
    }

    private void add(long value) {
        int index = CountsInPlace.indexOf(LAYOUT, value);
        spanTo(index, index);
        counts[index]++;
        total += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    private void spanTo(int from, int to) {
        if (to >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(to + 1, counts.length * 2));
        }
        lowest = Math.min(lowest, from);
        highest = Math.max(highest, to);
    }

    /** What was added since the last read, which it empties. */
    RecordedValues read() {
        if (highest < 0) {
            return RecordedValues.NONE;
        }
        int most = highest - lowest + 1;
        if (gatheredValues.length < most) {
            gatheredValues = new long[most];
            gatheredCounts = new long[most];
        }
        int buckets = 0;
        for (int i = lowest; i <= highest; i++) {
            if (counts[i] != 0) {
                gatheredValues[buckets] = CountsInPlace.highestValueAt(LAYOUT, i);
                gatheredCounts[buckets++] = counts[i];
                counts[i] = 0;
            }
        }
        RecordedValues read = new RecordedValues(total, min, max, Arrays.copyOf(gatheredValues, buckets),
                Arrays.copyOf(gatheredCounts, buckets));
        lowest = Integer.MAX_VALUE;
        highest = -1;
        total = 0;
        min = Long.MAX_VALUE;
        max = 0;
        return read;
    }
}
