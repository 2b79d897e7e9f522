package com.acme.testapp;

/**
 * Methods whose allocation and self time are known in advance, for the allocation and self-time
 * tests: {@code allocate} allocates one byte array of {@link #ARRAY_BYTES} per call, {@code idle}
 * allocates nothing, {@code parent} spins {@link #PARENT_SPIN_MICROS} itself around two timed
 * children, and {@code recurse} spins {@link #LEVEL_SPIN_MICROS} at each of {@link #DEPTH} levels.
 */
public final class ProfilingApp {

    public static final int ARRAY_LENGTH = 1 << 20;
    /** A byte[] of ARRAY_LENGTH: 16 bytes of header plus the elements (64-bit JVM, compressed class pointers). */
    public static final long ARRAY_BYTES = ARRAY_LENGTH + 16;
    public static final int ALLOCATE_CALLS = 200;
    public static final int IDLE_CALLS = 2_000;
    public static final int PARENT_CALLS = 40;
    public static final long PARENT_SPIN_MICROS = 2_000;
    public static final long CHILD_SPIN_MICROS = 3_000;
    public static final int RECURSE_CALLS = 40;
    public static final int DEPTH = 5;
    public static final long LEVEL_SPIN_MICROS = 300;

    /** Keeps allocations reachable, so the JIT cannot remove them. */
    public static volatile Object sink;

    private ProfilingApp() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < ALLOCATE_CALLS; i++) {
            allocate();
        }
        long sum = 0;
        for (int i = 0; i < IDLE_CALLS; i++) {
            sum += idle(i);
        }
        for (int i = 0; i < PARENT_CALLS; i++) {
            parent();
        }
        for (int i = 0; i < RECURSE_CALLS; i++) {
            recurse(DEPTH);
        }
        System.out.println("profiling-app done " + sum);
    }

    public static void allocate() {
        sink = new byte[ARRAY_LENGTH];
    }

    public static long idle(long x) {
        return x * 3 + 1;
    }

    public static void parent() {
        spin(PARENT_SPIN_MICROS / 2);
        childA();
        childB();
        spin(PARENT_SPIN_MICROS / 2);
    }

    public static void childA() {
        spin(CHILD_SPIN_MICROS);
    }

    public static void childB() {
        spin(CHILD_SPIN_MICROS);
    }

    public static void recurse(int level) {
        spin(LEVEL_SPIN_MICROS);
        if (level > 1) {
            recurse(level - 1);
        }
    }

    private static void spin(long micros) {
        long end = System.nanoTime() + micros * 1_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
