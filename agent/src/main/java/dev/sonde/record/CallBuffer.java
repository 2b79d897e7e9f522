package dev.sonde.record;

/**
 * Calls of one operation on one thread that have not yet been handed to the operation's
 * {@link OperationTotals}.
 *
 * <p>Single writer: only the owning thread calls {@link #add}. Readers (snapshots) hold the lock of
 * the operation's totals and read {@link #size} and the values without synchronisation: a value
 * being written at that instant may be missed or read late, never counted twice, because the
 * owner empties the buffer only while holding that same lock.
 */
final class CallBuffer {

    static final int CAPACITY = 64;

    final long[] nanos = new long[CAPACITY];
    int size;
    long errors;

    /** @return whether the buffer is full and must be handed over now */
    boolean add(long callNanos, boolean failed) {
        nanos[size++] = callNanos;
        if (failed) {
            errors++;
        }
        return size == CAPACITY;
    }

    /** Called with the operation's totals locked. */
    void clear() {
        size = 0;
        errors = 0;
    }
}
