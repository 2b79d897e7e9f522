package dev.sonde.record;

/**
 * The figures of one operation: latency, self time and allocation histograms, and its
 * {@link CallCounters}. Not thread-safe: a live one is guarded by its {@link StripedTotals} stripe,
 * and snapshots are private copies.
 */
final class OperationTotals {

    private final ValueTotals latency;
    private final ValueTotals self;
    private final ValueTotals allocation;
    private final CallCounters counters;

    OperationTotals() {
        latency = new ValueTotals();
        self = new ValueTotals();
        allocation = new ValueTotals();
        counters = new CallCounters();
    }

    private OperationTotals(ValueTotals latency, ValueTotals self, ValueTotals allocation, CallCounters counters) {
        this.latency = latency;
        this.self = self;
        this.allocation = allocation;
        this.counters = counters;
    }

    /** A private copy, its histograms sized like these (a snapshot's start). */
    OperationTotals copy() {
        return new OperationTotals(latency.copy(), self.copy(), allocation.copy(), counters.copy());
    }

    /** One call; negative self time or allocation where not measured, statusClass -1 for non-HTTP calls. */
    void addOne(long nanos, long selfNanos, long allocatedBytes, int statusClass, boolean failed) {
        add(nanos, selfNanos, allocatedBytes);
        counters.addOne(statusClass, failed);
    }

    void addCancelled() {
        counters.addCancelled();
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
        return latency.count() + counters.cancelled();
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
        counters.addAll(other.counters);
    }

    private void addCalls(CallBuffer buffer) {
        int size = counters.addCallsOf(buffer);
        // One figure at a time, each loop with its totals in locals: this runs on the application's
        // thread once per CallBuffer.CAPACITY calls, so its cost is part of every call's.
        latency.addEach(buffer.nanos, size);
        if (buffer.selfNanos != null) {
            self.addMeasured(buffer.selfNanos, size);
        }
        if (buffer.allocatedBytes != null) {
            allocation.addMeasured(buffer.allocatedBytes, size);
        }
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
            counters.addAllocationUnavailable();
        }
    }

    /**
     * What was recorded since {@code earlier}, an older snapshot copy of the same operation (see
     * {@link SnapshotBaseline}). Both are private copies made by {@link StripedTotals#copyWith}.
     */
    OperationTotals minus(OperationTotals earlier) {
        return new OperationTotals(latency.minus(earlier.latency), self.minus(earlier.self),
                allocation.minus(earlier.allocation), counters.minus(earlier.counters));
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

    CallCounters counters() {
        return counters;
    }

    long errors() {
        return counters.errors();
    }

    long allocationUnavailable() {
        return counters.allocationUnavailable();
    }

    long cancelled() {
        return counters.cancelled();
    }

    /** Responses per status class: index 1 = 1xx ... 5 = 5xx (0: no status). A copy. */
    long[] statusClasses() {
        return counters.statusClasses();
    }
}
