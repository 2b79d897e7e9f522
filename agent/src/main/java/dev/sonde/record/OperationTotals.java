package dev.sonde.record;

/**
 * The figures of one operation: latency, self time and allocation histograms, errors, and HTTP
 * status classes. Not thread-safe: a live one is guarded by its {@link StripedTotals} stripe, and
 * snapshots are private copies.
 */
final class OperationTotals {

    private final ValueTotals latency;
    private final ValueTotals self;
    private final ValueTotals allocation;
    private long errors;
    private long allocationUnavailable;
    /** Asynchronous calls whose result was cancelled: in none of the histograms, nor in the errors. */
    private long cancelled;
    private final long[] statusClasses;

    OperationTotals() {
        latency = new ValueTotals();
        self = new ValueTotals();
        allocation = new ValueTotals();
        statusClasses = new long[6];
    }

    private OperationTotals(OperationTotals source) {
        latency = source.latency.copy();
        self = source.self.copy();
        allocation = source.allocation.copy();
        errors = source.errors;
        allocationUnavailable = source.allocationUnavailable;
        cancelled = source.cancelled;
        statusClasses = source.statusClasses.clone();
    }

    /** A private copy, its histograms sized like these (a snapshot's start). */
    OperationTotals copy() {
        return new OperationTotals(this);
    }

    /** One call; negative self time or allocation where not measured, statusClass -1 for non-HTTP calls. */
    void addOne(long nanos, long selfNanos, long allocatedBytes, int statusClass, boolean failed) {
        add(nanos, selfNanos, allocatedBytes);
        if (statusClass >= 0) {
            statusClasses[statusClass]++;
        }
        if (failed) {
            errors++;
        }
    }

    void addCancelled() {
        cancelled++;
    }

    /** Adds every call of {@code buffer} and of its overflow; the buffer is left as it is. */
    void addBuffer(CallBuffer buffer) {
        addCalls(buffer);
        CallBuffer overflow = buffer.publishedOverflow();
        if (overflow != null) {
            addCalls(overflow);
        }
    }

    /** Calls and cancellations: what grows with every call, whatever it recorded. */
    long calls() {
        return latency.count() + cancelled;
    }

    /** The calls {@link #addBuffer} would add. */
    static long callsIn(CallBuffer buffer) {
        CallBuffer overflow = buffer.publishedOverflow();
        return buffer.publishedSize() + (overflow == null ? 0 : overflow.publishedSize());
    }

    void addAll(OperationTotals other) {
        latency.addAll(other.latency);
        self.addAll(other.self);
        allocation.addAll(other.allocation);
        errors += other.errors;
        allocationUnavailable += other.allocationUnavailable;
        cancelled += other.cancelled;
        for (int c = 0; c < statusClasses.length; c++) {
            statusClasses[c] += other.statusClasses[c];
        }
    }

    /**
     * The counters are read before the size: each is stored after its call's size, so none counts
     * a call that the size leaves out (an error rate never above 100 %).
     */
    private void addCalls(CallBuffer buffer) {
        errors += buffer.publishedErrors();
        for (int c = 0; c < statusClasses.length; c++) {
            statusClasses[c] += buffer.publishedStatusClass(c);
        }
        int size = buffer.publishedSize();
        // One figure at a time, each loop with its totals in locals: this runs on the application's
        // thread once per CallBuffer.CAPACITY calls, so its cost is part of every call's.
        latency.addEach(buffer.nanos, size);
        if (buffer.selfNanos != null) {
            self.addMeasured(buffer.selfNanos, size);
        }
        if (buffer.allocatedBytes != null) {
            allocation.addMeasured(buffer.allocatedBytes, size);
            allocationUnavailable += countUnavailable(buffer.allocatedBytes, size);
        }
    }

    private static int countUnavailable(int[] allocatedBytes, int size) {
        int unavailable = 0;
        for (int i = 0; i < size; i++) {
            if (allocatedBytes[i] == AllocationCounter.UNAVAILABLE) {
                unavailable++;
            }
        }
        return unavailable;
    }

    /** Negative self time or allocation: not measured for this call. */
    private void add(long nanos, long selfNanos, long allocatedBytes) {
        latency.add(nanos);
        if (selfNanos >= 0) {
            self.add(selfNanos);
        }
        if (allocatedBytes >= 0) {
            allocation.add(allocatedBytes);
        } else if (allocatedBytes == AllocationCounter.UNAVAILABLE) {
            allocationUnavailable++;
        }
    }

    /**
     * What was recorded since {@code earlier}, an older snapshot copy of the same operation (see
     * {@link SnapshotBaseline}). Both are private copies made by {@link StripedTotals#copyWith}.
     */
    OperationTotals minus(OperationTotals earlier) {
        OperationTotals window = new OperationTotals();
        window.latency.addAll(latency.minus(earlier.latency));
        window.self.addAll(self.minus(earlier.self));
        window.allocation.addAll(allocation.minus(earlier.allocation));
        window.errors = errors - earlier.errors;
        window.allocationUnavailable = allocationUnavailable - earlier.allocationUnavailable;
        window.cancelled = cancelled - earlier.cancelled;
        for (int c = 0; c < statusClasses.length; c++) {
            window.statusClasses[c] = statusClasses[c] - earlier.statusClasses[c];
        }
        return window;
    }

    ValueTotals latency() {
        return latency;
    }

    ValueTotals self() {
        return self;
    }

    ValueTotals allocation() {
        return allocation;
    }

    long errors() {
        return errors;
    }

    long allocationUnavailable() {
        return allocationUnavailable;
    }

    long cancelled() {
        return cancelled;
    }

    /** Responses per status class: index 1 = 1xx ... 5 = 5xx (0: no status). A copy. */
    long[] statusClasses() {
        return statusClasses.clone();
    }
}
