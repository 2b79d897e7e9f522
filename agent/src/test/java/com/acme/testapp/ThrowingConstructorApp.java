package com.acme.testapp;

/**
 * A value class whose constructor rejects bad input, constructed {@link #REJECTED_OUTERMOST} times
 * on the main thread (more than the agent's 1 024 frames per thread), then {@code parent} calls:
 * each spins {@link #PARENT_SPIN_MICROS} itself, catches one more rejected construction and calls
 * {@code child}, which spins {@link #CHILD_SPIN_MICROS} and allocates one array of
 * {@link #CHILD_ARRAY_BYTES}. Finally {@link #ACCEPTED} constructions succeed. Exits with an
 * error unless every rejection happened.
 */
public final class ThrowingConstructorApp {

    public static final int REJECTED_OUTERMOST = 2_000;
    public static final int PARENT_CALLS = 40;
    public static final long PARENT_SPIN_MICROS = 2_000;
    public static final long CHILD_SPIN_MICROS = 6_000;
    public static final int CHILD_ARRAY_LENGTH = 1 << 16;
    /** A byte[] of CHILD_ARRAY_LENGTH: 16 bytes of header plus the elements (64-bit JVM, compressed class pointers). */
    public static final long CHILD_ARRAY_BYTES = CHILD_ARRAY_LENGTH + 16;
    public static final int ACCEPTED = 10;

    /** Keeps allocations reachable, so the JIT cannot remove them. */
    public static volatile Object sink;

    private ThrowingConstructorApp() {
    }

    public static void main(String[] args) {
        int rejected = 0;
        for (int i = 0; i < REJECTED_OUTERMOST; i++) {
            rejected += tryQuantity(-1 - i) == null ? 1 : 0;
        }
        for (int i = 0; i < PARENT_CALLS; i++) {
            parent();
        }
        for (int i = 0; i < ACCEPTED; i++) {
            sink = new Quantity(i);
        }
        if (rejected != REJECTED_OUTERMOST) {
            throw new IllegalStateException("rejected " + rejected + " of " + REJECTED_OUTERMOST);
        }
    }

    public static void parent() {
        spin(PARENT_SPIN_MICROS / 2);
        sink = tryQuantity(-1);
        child();
        spin(PARENT_SPIN_MICROS / 2);
    }

    public static void child() {
        sink = new byte[CHILD_ARRAY_LENGTH];
        spin(CHILD_SPIN_MICROS);
    }

    private static Quantity tryQuantity(long value) {
        try {
            return new Quantity(value);
        } catch (IllegalArgumentException rejected) {
            return null;
        }
    }

    private static void spin(long micros) {
        long end = System.nanoTime() + micros * 1_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** A value that cannot be negative: its constructor throws, so its exit advice never runs. */
    public static final class Quantity {

        private final long value;

        Quantity(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative quantity " + value);
            }
            this.value = value;
        }

        public long value() {
            return value;
        }
    }
}
