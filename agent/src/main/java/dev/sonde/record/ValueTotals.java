package dev.sonde.record;

import org.HdrHistogram.Histogram;

/**
 * One recorded quantity of an operation (latency, self time or allocated bytes): a histogram plus
 * the exact total, minimum and maximum. Not thread-safe: guarded by the owning {@link OperationTotals}.
 */
final class ValueTotals {

    /** Two significant digits: percentiles within 1 %, and histograms small enough to keep thousands. */
    static final int SIGNIFICANT_DIGITS = 2;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;

    void add(long value) {
        long v = Math.max(0, value);
        histogram.recordValue(v);
        total += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    void addAll(ValueTotals other) {
        histogram.add(other.histogram);
        total += other.total;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    Histogram histogram() {
        return histogram;
    }

    long count() {
        return histogram.getTotalCount();
    }

    long total() {
        return total;
    }

    long min() {
        return count() == 0 ? 0 : min;
    }

    long max() {
        return max;
    }
}
