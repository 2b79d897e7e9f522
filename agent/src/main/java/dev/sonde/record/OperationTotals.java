package dev.sonde.record;

import org.HdrHistogram.Histogram;

/**
 * Everything recorded for one operation that threads have handed over (by flushing a full
 * {@link CallBuffer} or by ending). Guarded by its own monitor; touched once per
 * {@link CallBuffer#CAPACITY} calls per thread, never on every call of a platform thread.
 */
final class OperationTotals {

    /** Two significant digits: percentiles within 1 %, and a histogram small enough to keep thousands. */
    static final int SIGNIFICANT_DIGITS = 2;

    private final Histogram latency = new Histogram(SIGNIFICANT_DIGITS);
    private long errors;
    private long totalNanos;
    private long minNanos = Long.MAX_VALUE;
    private long maxNanos;

    /** Moves a full (or finished) buffer's calls into the totals and empties it. */
    synchronized void absorb(CallBuffer buffer) {
        addTo(buffer, this);
        buffer.clear();
    }

    /** One call recorded straight into the totals (threads that must not own buffers). */
    synchronized void recordOne(long nanos, boolean failed) {
        add(nanos);
        if (failed) {
            errors++;
        }
    }

    /**
     * A consistent copy of these totals plus the calls still waiting in the given buffers. The lock
     * is held throughout, so no buffer can be flushed into the totals while it is being counted.
     */
    synchronized OperationTotals copyWith(Iterable<CallBuffer> pending) {
        OperationTotals copy = new OperationTotals();
        copy.latency.add(latency);
        copy.errors = errors;
        copy.totalNanos = totalNanos;
        copy.minNanos = minNanos;
        copy.maxNanos = maxNanos;
        for (CallBuffer buffer : pending) {
            addTo(buffer, copy);
        }
        return copy;
    }

    private static void addTo(CallBuffer buffer, OperationTotals target) {
        int size = Math.min(buffer.size, CallBuffer.CAPACITY);
        for (int i = 0; i < size; i++) {
            target.add(buffer.nanos[i]);
        }
        target.errors += buffer.errors;
    }

    private void add(long nanos) {
        long value = Math.max(0, nanos);
        latency.recordValue(value);
        totalNanos += value;
        minNanos = Math.min(minNanos, value);
        maxNanos = Math.max(maxNanos, value);
    }

    Histogram latency() {
        return latency;
    }

    long count() {
        return latency.getTotalCount();
    }

    long errors() {
        return errors;
    }

    long totalNanos() {
        return totalNanos;
    }

    long minNanos() {
        return count() == 0 ? 0 : minNanos;
    }

    long maxNanos() {
        return maxNanos;
    }
}
