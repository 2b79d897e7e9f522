package dev.sonde.record;

import org.HdrHistogram.BulkRecording;
import org.HdrHistogram.Histogram;

/**
 * One recorded quantity of an operation (latency, self time or allocated bytes): a histogram plus
 * the exact total, minimum and maximum. Not thread-safe: guarded like the owning {@link OperationTotals}.
 */
final class ValueTotals {

    /** Two significant digits: percentiles within 1 %, and histograms small enough to keep thousands. */
    static final int SIGNIFICANT_DIGITS = 2;

    private final Histogram histogram;
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;
    /** Where {@link BulkRecording} leaves the figures of each batch added. */
    private final BulkRecording.Figures batch = new BulkRecording.Figures();

    ValueTotals() {
        histogram = new Histogram(SIGNIFICANT_DIGITS);
    }

    private ValueTotals(ValueTotals source) {
        histogram = source.histogram.copy();
        total = source.total;
        min = source.min;
        max = source.max;
    }

    /** A private copy, its histogram as large as this one's (no resizing while it is filled). */
    ValueTotals copy() {
        return new ValueTotals(this);
    }

    void add(long value) {
        long v = Math.max(0, value);
        histogram.recordValue(v);
        total += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    /** The first {@code size} values, each counted (a negative one as 0, like {@link #add}). */
    void addEach(int[] values, int size) {
        add(values, size, false);
    }

    /** The first {@code size} values that were measured: negative ones (not measured) are skipped. */
    void addMeasured(int[] values, int size) {
        add(values, size, true);
    }

    private void add(int[] values, int size, boolean skipNegative) {
        BulkRecording.recordEach(histogram, values, size, skipNegative, batch);
        total += batch.sum;
        min = Math.min(min, batch.lowest);
        max = Math.max(max, batch.highest);
    }

    void addAll(ValueTotals other) {
        histogram.add(other.histogram);
        total += other.total;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /**
     * What was added since {@code earlier}, a copy of these same totals taken before. Histogram,
     * count and total are exact; min and max are exact when the window set a new extreme, otherwise
     * read from the histogram (within its precision) and kept inside the cumulative extremes.
     * Both must be private copies: neither is locked.
     */
    ValueTotals minus(ValueTotals earlier) {
        ValueTotals window = new ValueTotals();
        window.histogram.add(histogram);
        window.histogram.subtract(earlier.histogram);
        window.total = total - earlier.total;
        if (window.count() > 0) {
            window.min = min < earlier.min ? min : Math.max(min, window.histogram.getMinValue());
            window.max = max > earlier.max ? max : Math.min(max, window.histogram.getMaxValue());
        }
        return window;
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
