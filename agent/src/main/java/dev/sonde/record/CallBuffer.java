package dev.sonde.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Calls of one operation on one thread that have not yet been handed to the operation's
 * {@link OperationTotals}: duration, self time and allocated bytes of each ({@link #NOT_RECORDED}
 * or {@link AllocationCounter#UNAVAILABLE} where a figure was not measured for a call).
 *
 * <p>A figure the recording does not measure at all (self time with {@code self=off}, allocation
 * with {@code alloc=off}) has no array: its calls store nothing for it, which keeps timing-only
 * calls to one store per figure they have and the buffer a third of the size.
 *
 * <p>Written by its owning thread, read by snapshots: the contract is on {@link ThreadLocalRecorder}.
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

    /** Status classes counted (index 1 = 1xx ... 5 = 5xx), like {@link OperationTotals#statusClasses()}. */
    private static final int STATUS_CLASSES = 6;

    /** One failed call in {@link #calls}' upper half. */
    private static final long ONE_FAILED = 1L << 32;

    private static final VarHandle CALLS;
    private static final VarHandle STATUS_COUNTS;
    private static final VarHandle OVERFLOW;
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CALLS = lookup.findVarHandle(CallBuffer.class, "calls", long.class);
            STATUS_COUNTS = lookup.findVarHandle(CallBuffer.class, "statusClasses", long[].class);
            OVERFLOW = lookup.findVarHandle(CallBuffer.class, "overflow", CallBuffer.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int[] nanos = new int[CAPACITY];
    /** Null when self time is not measured: every call's is then {@link #NOT_RECORDED}. */
    final int[] selfNanos;
    /** Null when allocation is not measured: every call's is then {@link #NOT_RECORDED}. */
    final int[] allocatedBytes;
    /**
     * The calls (lower 32 bits) and, of those, the failed ones (upper 32 bits), release-stored
     * after the call's figures: a snapshot that reads it sees them. One store for both, so neither
     * a snapshot nor a stack overflow between two stores (a timed method that overflows the stack
     * records its call at the deepest point) can ever separate a call from its failure.
     */
    private long calls;
    /** Responses by status class, for HTTP operations only (null until the first); release-stored after {@link #calls}. */
    private long[] statusClasses;

    /**
     * Where the owner writes while this buffer is full and waiting to be handed over: the totals'
     * lock was busy, so rather than wait the owner fills a second buffer (made on first need).
     */
    private CallBuffer overflow;
    boolean writingOverflow;

    /** A buffer for every figure. */
    CallBuffer() {
        this(true, true);
    }

    /** A buffer for the figures a recording measures: with {@code false}, that figure is never measured. */
    CallBuffer(boolean selfTime, boolean allocation) {
        this.selfNanos = selfTime ? new int[CAPACITY] : null;
        this.allocatedBytes = allocation ? new int[CAPACITY] : null;
    }

    /** Whether a call's figures fit the buffer's int slots. */
    static boolean fits(long callNanos, long callAllocatedBytes) {
        return callNanos <= Integer.MAX_VALUE && callAllocatedBytes <= Integer.MAX_VALUE;
    }

    /**
     * Adds a call whose figures {@link #fits fit}. Owner only. A figure this buffer has no array
     * for is {@link #NOT_RECORDED} for every call and is not stored.
     *
     * @param statusClass the HTTP response's status class, negative for calls that are not requests
     * @return whether the buffer is full and must be handed over now
     */
    boolean add(long callNanos, long callSelfNanos, long callAllocatedBytes, int statusClass, boolean failed) {
        long counted = calls;
        int i = (int) counted;
        if (i == CAPACITY) {
            // Still full: the last hand-over failed (no overflow buffer could be made on a full
            // heap). This call is lost; the caller tries the hand-over again.
            return true;
        }
        nanos[i] = (int) callNanos;
        if (selfNanos != null) {
            selfNanos[i] = (int) callSelfNanos;
        }
        if (allocatedBytes != null) {
            allocatedBytes[i] = (int) callAllocatedBytes;
        }
        // Release, not volatile: a plain store on x86 (no fence), and on weaker hardware it still
        // orders the figures above before the size a snapshot reads.
        CALLS.setRelease(this, counted + 1 + (failed ? ONE_FAILED : 0));
        if (statusClass >= 0) {
            countStatusClass(statusClass);
        }
        return i + 1 == CAPACITY;
    }

    private void countStatusClass(int statusClass) {
        long[] counts = statusClasses;
        if (counts == null) {
            counts = new long[STATUS_CLASSES];
            STATUS_COUNTS.setRelease(this, counts);
        }
        COUNT.setRelease(counts, statusClass, counts[statusClass] + 1);
    }

    /** The buffer the owner adds to now: this one, or its overflow while this one waits. */
    CallBuffer active() {
        return writingOverflow ? overflow : this;
    }

    void switchToOverflow() {
        if (overflow == null) {
            OVERFLOW.setRelease(this, new CallBuffer(selfNanos != null, allocatedBytes != null));
        }
        writingOverflow = true;
    }

    /** Calls a snapshot counts: each with the figures stored before it. */
    int publishedSize() {
        return (int) (long) CALLS.getAcquire(this);
    }

    /** Failed calls; read before {@link #publishedSize}, never more than the calls that counts. */
    long publishedErrors() {
        return (long) CALLS.getAcquire(this) >>> 32;
    }

    /** Responses in one status class; read like {@link #publishedErrors}. */
    long publishedStatusClass(int statusClass) {
        long[] counts = (long[]) STATUS_COUNTS.getAcquire(this);
        return counts == null ? 0 : (long) COUNT.getAcquire(counts, statusClass);
    }

    /** The overflow buffer, or null if none was ever needed. */
    CallBuffer publishedOverflow() {
        return (CallBuffer) OVERFLOW.getAcquire(this);
    }

    /**
     * Called with a stripe of the operation's totals locked, which orders these plain stores
     * before any snapshot's reads (a snapshot holds every stripe's lock).
     */
    void clear() {
        reset();
        if (overflow != null) {
            overflow.reset();
        }
        writingOverflow = false;
    }

    private void reset() {
        calls = 0;
        if (statusClasses != null) {
            Arrays.fill(statusClasses, 0);
        }
    }
}
