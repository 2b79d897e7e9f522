package dev.sonde.record;

/**
 * Calls of one operation on one thread that have not yet been handed to the operation's
 * {@link OperationTotals}: duration, self time and allocated bytes of each ({@link #NOT_RECORDED}
 * or {@link AllocationCounter#UNAVAILABLE} where a figure was not measured for a call).
 *
 * <p>Single writer: only the owning thread calls {@link #add}. Readers (snapshots) hold the lock of
 * the operation's totals and read {@link #size} and the values without synchronisation: a value
 * being written at that instant may be missed or read late, never counted twice, because the
 * owner empties the buffer only while holding that same lock.
 */
final class CallBuffer {

    /** 32 calls: flushing costs one lock per 32 calls; 200 threads x 200 operations stay near 40 MiB. */
    static final int CAPACITY = 32;

    /** In place of a self time or allocation that this recording does not measure. */
    static final long NOT_RECORDED = -2;

    final long[] nanos = new long[CAPACITY];
    final long[] selfNanos = new long[CAPACITY];
    final long[] allocatedBytes = new long[CAPACITY];
    int size;
    long errors;

    /** @return whether the buffer is full and must be handed over now */
    boolean add(long callNanos, long callSelfNanos, long callAllocatedBytes, boolean failed) {
        int i = size;
        nanos[i] = callNanos;
        selfNanos[i] = callSelfNanos;
        allocatedBytes[i] = callAllocatedBytes;
        size = i + 1;
        if (failed) {
            errors++;
        }
        return i + 1 == CAPACITY;
    }

    /** Called with the operation's totals locked. */
    void clear() {
        size = 0;
        errors = 0;
    }
}
