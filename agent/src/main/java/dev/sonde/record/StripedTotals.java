package dev.sonde.record;

import java.util.Arrays;

/**
 * The totals of one operation that threads hand their full {@link CallBuffer}s to. It starts as one
 * stripe (a lock and an {@link OperationTotals}); when a thread finds its stripe's lock taken, the
 * stripes double, up to {@link #MAX_STRIPES}, so that threads calling the same operation on
 * different cores each flush into a stripe of their own instead of taking turns at one lock and
 * moving one histogram's cache lines between cores (the idea of {@code LongAdder}'s cells). An
 * operation called from one thread at a time never grows past its first stripe.
 *
 * <p>Stripes are added under {@link #growing}, which a snapshot ({@link #copyWith}) also holds, so the
 * set of stripes cannot change while it takes them all. Who locks what and when: the contract on
 * {@link ThreadLocalRecorder}. Every lock is released by a field store ({@code lock.held = false}),
 * never a call: see {@link StripeLock} for why.
 */
final class StripedTotals {

    /** Enough for the cores that usually call one operation at once; bounds memory (histograms per stripe). */
    static final int MAX_STRIPES = Math.min(8, powerOfTwoAtLeast(Runtime.getRuntime().availableProcessors()));

    private static final class Stripe {
        final StripeLock lock = new StripeLock();
        final OperationTotals totals = new OperationTotals();
    }

    /** Length a power of two; replaced (never changed in place) when growing. */
    private volatile Stripe[] stripes = {new Stripe()};
    private final StripeLock growing = new StripeLock();

    /**
     * Hands a full buffer to the stripe of {@code probe} if its lock is free, growing the stripes
     * once if it is not; false (nothing done) if that stripe is busy too.
     */
    boolean tryAbsorb(CallBuffer buffer, int probe) {
        Stripe[] current = stripes;
        if (tryAbsorbInto(stripeOf(current, probe), buffer)) {
            return true;
        }
        Stripe[] grown = grow(current);
        return grown != current && tryAbsorbInto(stripeOf(grown, probe), buffer);
    }

    /** Hands a buffer over, waiting for the stripe's lock if need be. */
    void absorb(CallBuffer buffer, int probe) {
        Stripe stripe = stripeOf(stripes, probe);
        stripe.lock.lock();
        try {
            absorbLocked(stripe, buffer);
        } finally {
            stripe.lock.held = false;
        }
    }

    /** One call recorded straight into the totals (threads that must not own buffers). */
    void recordOne(int probe, long nanos, long selfNanos, long allocatedBytes, int statusClass, boolean failed) {
        Stripe stripe = stripeOf(stripes, probe);
        stripe.lock.lock();
        try {
            stripe.totals.addOne(nanos, selfNanos, allocatedBytes, statusClass, failed);
        } finally {
            stripe.lock.held = false;
        }
    }

    /** A cancelled asynchronous call (rare: straight into the totals, under the stripe's lock). */
    void recordCancelled(int probe) {
        Stripe stripe = stripeOf(stripes, probe);
        stripe.lock.lock();
        try {
            stripe.totals.addCancelled();
        } finally {
            stripe.lock.held = false;
        }
    }

    /** A consistent copy of every stripe plus the calls still waiting in {@code pending} buffers. */
    OperationTotals copyWith(Iterable<CallBuffer> pending) {
        return withAllStripes(all -> copy(all, pending));
    }

    /**
     * Adds every stripe plus the calls waiting in {@code pending} buffers to {@code read}, as
     * consistently as {@link #copyWith} copies them, unless they hold {@code calls} calls and
     * cancellations, as when the reader last saw them: then nothing was recorded since, nothing
     * is read, and the answer is false.
     */
    boolean readIfChanged(Iterable<CallBuffer> pending, long calls, CountsRead read) {
        return withAllStripes(all -> {
            if (calls(all, pending) == calls) {
                return false;
            }
            for (Stripe stripe : all) {
                read.addAll(stripe.totals);
            }
            for (CallBuffer buffer : pending) {
                read.addBuffer(buffer);
            }
            return true;
        });
    }

    private static OperationTotals copy(Stripe[] all, Iterable<CallBuffer> pending) {
        // A copy of the first stripe is sized like it: adding into an empty one would resize it step by step.
        OperationTotals copy = all[0].totals.copy();
        for (int i = 1; i < all.length; i++) {
            copy.addAll(all[i].totals);
        }
        for (CallBuffer buffer : pending) {
            copy.addBuffer(buffer);
        }
        return copy;
    }

    private static long calls(Stripe[] all, Iterable<CallBuffer> pending) {
        long calls = 0;
        for (Stripe stripe : all) {
            calls += stripe.totals.calls();
        }
        for (CallBuffer buffer : pending) {
            calls += OperationTotals.callsIn(buffer);
        }
        return calls;
    }

    private <T> T withAllStripes(java.util.function.Function<Stripe[], T> read) {
        growing.lock();
        try {
            Stripe[] all = stripes;
            int taken = 0;
            try {
                for (Stripe stripe : all) {
                    stripe.lock.lock();
                    taken++;
                }
                return read.apply(all);
            } finally {
                for (int i = 0; i < taken; i++) {
                    all[i].lock.held = false;
                }
            }
        } finally {
            growing.held = false;
        }
    }

    int stripeCount() {
        return stripes.length;
    }

    static int powerOfTwoAtLeast(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    private static Stripe stripeOf(Stripe[] stripes, int probe) {
        return stripes[probe & (stripes.length - 1)];
    }

    private static boolean tryAbsorbInto(Stripe stripe, CallBuffer buffer) {
        if (!stripe.lock.tryLock()) {
            return false;
        }
        try {
            absorbLocked(stripe, buffer);
            return true;
        } finally {
            stripe.lock.held = false;
        }
    }

    /**
     * Emptied even when adding fails (a histogram that must grow on a full heap): a buffer left full
     * would make every later call of this operation on its thread fail, not just these.
     */
    private static void absorbLocked(Stripe stripe, CallBuffer buffer) {
        try {
            stripe.totals.addBuffer(buffer);
        } finally {
            buffer.clear();
        }
    }

    /**
     * Doubles the stripes, unless they are at their maximum, another thread just grew them, or a
     * snapshot is being taken (an application thread never waits for that); returns the stripes now.
     */
    private Stripe[] grow(Stripe[] seen) {
        if (seen.length >= MAX_STRIPES || !growing.tryLock()) {
            return stripes;
        }
        try {
            if (stripes == seen) {
                Stripe[] grown = Arrays.copyOf(seen, seen.length * 2);
                for (int i = seen.length; i < grown.length; i++) {
                    grown[i] = new Stripe();
                }
                stripes = grown;
            }
            return stripes;
        } finally {
            growing.held = false;
        }
    }
}
