package dev.sonde.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The lock of one stripe of {@link StripedTotals}, which application threads take in timed methods,
 * at any depth: one that a {@link StackOverflowError} can never leave taken.
 *
 * <p>A {@code ReentrantLock} can be. The JVM protects its critical sections with reserved stack
 * (JEP 270): when the stack runs out inside one, the section completes and the error is thrown as it
 * returns. An overflow in {@code tryLock} then leaves the lock taken with the caller not yet in its
 * {@code try}, and one in {@code unlock} releases it without waking the threads waiting for it; either
 * way every later snapshot of the operation (a {@code dump}, the report at exit) waits forever.
 *
 * <p>Here the lock is taken by one compare-and-set, which a method entry's stack check can only
 * precede, never follow, and the holder releases it with a plain store to {@link #held} in its
 * {@code finally} block: a field store cannot overflow the stack, where a call to an {@code unlock}
 * method could on entry. Waiters poll rather than queue, so no wake-up can be lost: a stripe is held
 * for the microseconds of a hand-over, or the time a snapshot takes to copy it. Not reentrant; acquire
 * and release have the ordering of a volatile read and write.
 */
final class StripeLock {

    private static final VarHandle HELD;

    static {
        try {
            HELD = MethodHandles.lookup().findVarHandle(StripeLock.class, "held", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Released by its holder with {@code lock.held = false}, in a {@code finally} block, not by a call. */
    volatile boolean held;

    boolean tryLock() {
        return HELD.compareAndSet(this, false, true);
    }

    /** Waits as long as it takes; a thread's interrupt is left as it is. */
    void lock() {
        for (int spins = 0; !tryLock(); spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
    }
}
