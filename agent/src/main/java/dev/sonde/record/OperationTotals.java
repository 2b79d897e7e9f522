package dev.sonde.record;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything recorded for one operation that threads have handed over (by flushing a full
 * {@link CallBuffer} or by ending). Guarded by its own lock; touched once per
 * {@link CallBuffer#CAPACITY} calls per platform thread, never on every call.
 */
final class OperationTotals {

    private final ReentrantLock lock = new ReentrantLock();

    private final ValueTotals latency = new ValueTotals();
    private final ValueTotals self = new ValueTotals();
    private final ValueTotals allocation = new ValueTotals();
    private long errors;
    private long allocationUnavailable;
    private final long[] statusClasses = new long[6];

    /** Moves a full (or finished) buffer's calls, and its overflow's, into the totals and empties them. */
    void absorb(CallBuffer buffer) {
        lock.lock();
        try {
            absorbLocked(buffer);
        } finally {
            lock.unlock();
        }
    }

    /** {@link #absorb} if the lock is free right now; false, and nothing done, if it is not. */
    boolean tryAbsorb(CallBuffer buffer) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            absorbLocked(buffer);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void absorbLocked(CallBuffer buffer) {
        addTo(buffer, this);
        if (buffer.overflow != null) {
            addTo(buffer.overflow, this);
        }
        buffer.clear();
    }

    /** One call recorded straight into the totals (threads that must not own buffers); statusClass -1 for non-HTTP calls. */
    void recordOne(long nanos, long selfNanos, long allocatedBytes, int statusClass, boolean failed) {
        lock.lock();
        try {
            add(nanos, selfNanos, allocatedBytes);
            if (statusClass >= 0) {
                statusClasses[statusClass]++;
            }
            if (failed) {
                errors++;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A consistent copy of these totals plus the calls still waiting in the given buffers (and their
     * overflows). The lock is held throughout, so no buffer can be flushed into the totals while it
     * is being counted.
     */
    OperationTotals copyWith(Iterable<CallBuffer> pending) {
        lock.lock();
        try {
            OperationTotals copy = new OperationTotals();
            copy.latency.addAll(latency);
            copy.self.addAll(self);
            copy.allocation.addAll(allocation);
            copy.errors = errors;
            copy.allocationUnavailable = allocationUnavailable;
            System.arraycopy(statusClasses, 0, copy.statusClasses, 0, statusClasses.length);
            for (CallBuffer buffer : pending) {
                addTo(buffer, copy);
                CallBuffer overflow = buffer.overflow;
                if (overflow != null) {
                    addTo(overflow, copy);
                }
            }
            return copy;
        } finally {
            lock.unlock();
        }
    }

    private static void addTo(CallBuffer buffer, OperationTotals target) {
        int size = Math.min(buffer.size, CallBuffer.CAPACITY);
        for (int i = 0; i < size; i++) {
            target.add(buffer.nanos[i], buffer.selfNanos[i], buffer.allocatedBytes[i]);
        }
        target.errors += buffer.errors;
        long[] classes = buffer.statusClasses;
        if (classes != null) {
            for (int c = 0; c < classes.length; c++) {
                target.statusClasses[c] += classes[c];
            }
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
            allocationUnavailable++;
        }
    }

    /**
     * What was recorded since {@code earlier}, an older snapshot copy of the same operation (see
     * {@link SnapshotBaseline}). Both are private copies made by {@link #copyWith}: no lock is taken.
     */
    OperationTotals minus(OperationTotals earlier) {
        OperationTotals window = new OperationTotals();
        window.latency.addAll(latency.minus(earlier.latency));
        window.self.addAll(self.minus(earlier.self));
        window.allocation.addAll(allocation.minus(earlier.allocation));
        window.errors = errors - earlier.errors;
        window.allocationUnavailable = allocationUnavailable - earlier.allocationUnavailable;
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

    /** Responses per status class: index 1 = 1xx ... 5 = 5xx (0: no status). A copy. */
    long[] statusClasses() {
        return statusClasses.clone();
    }
}
