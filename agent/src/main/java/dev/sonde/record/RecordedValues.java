package dev.sonde.record;

/**
 * The values of one recorded quantity of an operation (durations in nanoseconds, or allocated
 * bytes) as a metrics export reads them: count, exact total, minimum and maximum, and the counts
 * of the HdrHistogram buckets that hold values, each named by its highest value (the value sonde's
 * reports give for a percentile in it), in increasing order. What iterating a snapshot's histogram
 * gives, without the histogram. Immutable.
 */
public final class RecordedValues {

    static final RecordedValues NONE = new RecordedValues(0, 0, 0, new long[0], new long[0]);

    private final long total;
    private final long min;
    private final long max;
    private final long[] values;
    private final long[] counts;
    private final long count;

    RecordedValues(long total, long min, long max, long[] values, long[] counts) {
        this.total = total;
        this.min = min;
        this.max = max;
        this.values = values;
        this.counts = counts;
        long sum = 0;
        for (long bucket : counts) {
            sum += bucket;
        }
        this.count = sum;
    }

    /** The values recorded: always the sum of the buckets' counts. */
    public long count() {
        return count;
    }

    public long total() {
        return total;
    }

    /** 0 when there are none. */
    public long min() {
        return min;
    }

    /** 0 when there are none. */
    public long max() {
        return max;
    }

    /** The buckets that hold values. */
    public int buckets() {
        return values.length;
    }

    /** The highest value of the {@code i}th bucket that holds values; increasing with {@code i}, 0 only for the first. */
    public long valueAt(int i) {
        return values[i];
    }

    public long countAt(int i) {
        return counts[i];
    }
}
