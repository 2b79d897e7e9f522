package com.acme.testapp;

import java.util.ArrayList;
import java.util.List;

/**
 * An application that runs out of heap (start it with a small {@code -Xmx}), for the test that sonde
 * neither hides an {@link OutOfMemoryError} nor makes it worse. Modes (first argument):
 * <ul>
 *   <li>{@code caught}: {@link #fillInside} (the method tests time) runs out of heap
 *       {@link #ROUNDS} times, and {@link #fillOutside} (not timed) as often, while another thread
 *       calls {@link #afterwards} (timed, allocates nothing) in a loop. Each error is caught by the
 *       caller, which checks it is the very instance thrown, then lets go of the memory. Then
 *       {@link #afterwards} is called {@link #AFTERWARDS_CALLS} more times, and the program prints
 *       how many calls it made and ends normally (exit 0).</li>
 *   <li>{@code uncaught}: {@link #fillInside} fills a static list until the error escapes
 *       {@code main}; half the list is let go on the way out, so that the JVM has room to print the
 *       error, which it does, and exits with 1.</li>
 * </ul>
 * Each timed method is called once first without running out (a thread's first call of an
 * operation is where sonde makes that thread's buffer for it; see docs/reliability.md).
 */
public final class OutOfMemoryApp {

    public static final int ROUNDS = 3;
    public static final int AFTERWARDS_CALLS = 1_000;
    private static final int CHUNK = 256 * 1024;

    private static final List<long[]> HOARD = new ArrayList<>();
    private static volatile boolean calling = true;
    private static volatile boolean called;

    private OutOfMemoryApp() {
    }

    public static void main(String[] args) throws Exception {
        fillInside(new ArrayList<>(), new OutOfMemoryError[1], 1);
        if (args[0].equals("uncaught")) {
            System.out.println("filling the heap for good");
            try {
                fillInside(HOARD, new OutOfMemoryError[1], Integer.MAX_VALUE);
            } finally {
                for (int i = HOARD.size() / 2; i > 0; i--) {
                    HOARD.remove(HOARD.size() - 1); // allocates nothing, unlike subList
                }
            }
            return;
        }
        long[] background = new long[1];
        Thread caller = new Thread(() -> background[0] = callUntilStopped(), "caller");
        caller.start();
        while (!called) {
            Thread.sleep(1);
        }
        int inside = 0;
        int outside = 0;
        for (int round = 0; round < ROUNDS; round++) {
            inside += runOutInside() ? 1 : 0;
            outside += runOutOutside() ? 1 : 0;
        }
        calling = false;
        caller.join();
        long sum = 0;
        for (int i = 0; i < AFTERWARDS_CALLS; i++) {
            sum += afterwards(i);
        }
        System.out.println("inside " + inside + "/" + ROUNDS + ", outside " + outside + "/" + ROUNDS
                + ", the same error arrived each time");
        System.out.println("afterwards calls " + (background[0] + AFTERWARDS_CALLS) + " " + (sum >= 0));
    }

    /** Allocates nothing, so the heap running out elsewhere never throws here. */
    private static long callUntilStopped() {
        long calls = 0;
        long sum = 0;
        while (calling) {
            sum += afterwards((int) calls);
            calls++;
            called = true;
        }
        return sum >= 0 ? calls : -1;
    }

    /** True if the error caught here is the one {@link #fillInside} threw. */
    private static boolean runOutInside() {
        OutOfMemoryError[] thrown = new OutOfMemoryError[1];
        try {
            fillInside(new ArrayList<>(), thrown, Integer.MAX_VALUE);
            return false;
        } catch (OutOfMemoryError e) {
            return e == thrown[0];
        }
    }

    private static boolean runOutOutside() {
        OutOfMemoryError[] thrown = new OutOfMemoryError[1];
        try {
            fillOutside(new ArrayList<>(), thrown);
            return false;
        } catch (OutOfMemoryError e) {
            return e == thrown[0];
        }
    }

    /** Timed by the tests: allocates up to {@code chunks} chunks, and remembers the error if the heap runs out. */
    public static int fillInside(List<long[]> hoard, OutOfMemoryError[] thrown, int chunks) {
        try {
            for (int i = 0; i < chunks; i++) {
                hoard.add(new long[CHUNK]);
            }
            return hoard.size();
        } catch (OutOfMemoryError e) {
            thrown[0] = e; // allocates nothing, so cannot fail on a full heap
            throw e;
        }
    }

    /** Not timed: allocates until the heap runs out. */
    public static int fillOutside(List<long[]> hoard, OutOfMemoryError[] thrown) {
        try {
            while (true) {
                hoard.add(new long[CHUNK]);
            }
        } catch (OutOfMemoryError e) {
            thrown[0] = e;
            throw e;
        }
    }

    /** Timed: recording goes on while, and after, the heap runs out. */
    public static int afterwards(int i) {
        return i % 7;
    }
}
