package dev.sonde.record;

/**
 * Calls of one operation on one thread that have not yet been handed to the operation's
 * {@link OperationTotals}: duration, self time and allocated bytes of each ({@link #NOT_RECORDED}
 * or {@link AllocationCounter#UNAVAILABLE} where a figure was not measured for a call).
 *
 * <p>Single writer: only the owning thread calls {@link #add} (on {@link #active()}). Readers
 * (snapshots) hold every lock of the operation's {@link StripedTotals} and read {@link #size} and the
 * values without synchronisation: a value being written at that instant may be missed or read late,
 * never counted twice, because the owner empties the buffer only while holding one of those locks.
 */
final class CallBuffer {

    /**
     * 64 calls: one flush (a lock and 64 histogram updates per figure) per 64 calls. Figures are
     * stored as ints, so 200 threads x 200 operations of buffers stay near 30 MiB; a call whose
     * figures do not fit an int (over 2.1 s, or over 2 GiB allocated) skips the buffer.
     */
    static final int CAPACITY = 64;

    /** In place of a self time or allocation that this recording does not measure. */
    static final int NOT_RECORDED = -2;

    final int[] nanos = new int[CAPACITY];
    final int[] selfNanos = new int[CAPACITY];
    final int[] allocatedBytes = new int[CAPACITY];
    int size;
    long errors;
    /** Responses by status class (index 1 = 1xx ... 5 = 5xx), for HTTP operations only. */
    long[] statusClasses;

    /** Whether a call's figures fit the buffer's int slots. */
    static boolean fits(long callNanos, long callAllocatedBytes) {
        return callNanos <= Integer.MAX_VALUE && callAllocatedBytes <= Integer.MAX_VALUE;
    }

    /**
     * Adds a call whose figures {@link #fits fit}.
     *
     * @return whether the buffer is full and must be handed over now
     */
    boolean add(long callNanos, long callSelfNanos, long callAllocatedBytes, boolean failed) {
        int i = size;
        if (i == CAPACITY) {
            // Still full: the last hand-over failed (no overflow buffer could be made on a full
            // heap). This call is lost; the caller tries the hand-over again.
            return true;
        }
        nanos[i] = (int) callNanos;
        selfNanos[i] = (int) callSelfNanos;
        allocatedBytes[i] = (int) callAllocatedBytes;
        size = i + 1;
        if (failed) {
            errors++;
        }
        return i + 1 == CAPACITY;
    }

    /**
     * Where the owner writes while this buffer is full and waiting to be handed over: the totals'
     * lock was busy, so rather than wait the owner fills a second buffer (made on first need).
     */
    CallBuffer overflow;
    boolean writingOverflow;

    /** The buffer the owner adds to now: this one, or its overflow while this one waits. */
    CallBuffer active() {
        return writingOverflow ? overflow : this;
    }

    void switchToOverflow() {
        if (overflow == null) {
            overflow = new CallBuffer();
        }
        writingOverflow = true;
    }

    void countStatusClass(int statusClass) {
        if (statusClasses == null) {
            statusClasses = new long[6];
        }
        statusClasses[statusClass]++;
    }

    /** Called with a stripe of the operation's totals locked. */
    void clear() {
        reset();
        if (overflow != null) {
            overflow.reset();
        }
        writingOverflow = false;
    }

    private void reset() {
        size = 0;
        errors = 0;
        if (statusClasses != null) {
            java.util.Arrays.fill(statusClasses, 0);
        }
    }
}
