package com.acme.testapp;

/**
 * An operation with slow calls that do something the normal ones do not: {@link #handle} always
 * runs {@link #cheapWork} (about 1 ms), and one call in ten also {@link #expensiveWork} (about
 * 60 ms). Meanwhile a background thread runs {@code expensiveWork} outside any call, so a sample is
 * only a slow call's if it was taken on the calling thread inside the call. Each piece of work
 * computes until its time is up, so durations do not depend on the JIT.
 *
 * <p>Arguments: seconds to run. Prints {@code answer <n>} (the same with and without an agent),
 * {@code slow-calls <n>} and {@code calls <n>}.
 */
public final class SlowCallsApp {

    private static final long CHEAP_NANOS = 1_000_000;
    private static final long EXPENSIVE_NANOS = 60_000_000;

    public static volatile long sink;

    private SlowCallsApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        Thread background = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sink += expensiveWork();
            }
        }, "background");
        background.setDaemon(true);
        background.start();
        long answer = 0;
        int calls = 0;
        while (System.nanoTime() < end) {
            answer = answer * 31 + handle(calls++);
        }
        background.interrupt();
        background.join();
        System.out.println("answer " + answer);
        System.out.println("slow-calls " + (calls + 9) / 10);
        System.out.println("calls " + calls);
    }

    /** The operation: the answer depends on the call's number only. */
    public static int handle(int call) {
        sink += cheapWork();
        if (call % 10 == 0) {
            sink += expensiveWork();
        }
        return call % 7;
    }

    /**
     * Arithmetic until the time is up, looking at the clock rarely. The loop is written out in both
     * methods, not shared: samples must land in the method's own frame for the diff to name it.
     */
    public static long cheapWork() {
        long deadline = System.nanoTime() + CHEAP_NANOS;
        long x = 17;
        do {
            for (int i = 0; i < 20_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        } while (System.nanoTime() < deadline);
        return x;
    }

    public static long expensiveWork() {
        long deadline = System.nanoTime() + EXPENSIVE_NANOS;
        long x = 19;
        do {
            for (int i = 0; i < 20_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        } while (System.nanoTime() < deadline);
        return x;
    }
}
