package dev.sonde.record;

/**
 * Everything recorded for one operation that threads have handed over (by flushing a full
 * {@link CallBuffer} or by ending). Guarded by its own monitor; touched once per
 * {@link CallBuffer#CAPACITY} calls per platform thread, never on every call.
 */
final class OperationTotals {

    private final ValueTotals latency = new ValueTotals();
    private final ValueTotals self = new ValueTotals();
    private final ValueTotals allocation = new ValueTotals();
    private long errors;
    private long allocationUnavailable;

    /** Moves a full (or finished) buffer's calls into the totals and empties it. */
    synchronized void absorb(CallBuffer buffer) {
        addTo(buffer, this);
        buffer.clear();
    }

    /** One call recorded straight into the totals (threads that must not own buffers). */
    synchronized void recordOne(long nanos, long selfNanos, long allocatedBytes, boolean failed) {
        add(nanos, selfNanos, allocatedBytes);
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
        copy.latency.addAll(latency);
        copy.self.addAll(self);
        copy.allocation.addAll(allocation);
        copy.errors = errors;
        copy.allocationUnavailable = allocationUnavailable;
        for (CallBuffer buffer : pending) {
            addTo(buffer, copy);
        }
        return copy;
    }

    private static void addTo(CallBuffer buffer, OperationTotals target) {
        int size = Math.min(buffer.size, CallBuffer.CAPACITY);
        for (int i = 0; i < size; i++) {
            target.add(buffer.nanos[i], buffer.selfNanos[i], buffer.allocatedBytes[i]);
        }
        target.errors += buffer.errors;
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
}
