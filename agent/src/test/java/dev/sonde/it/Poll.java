package dev.sonde.it;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waiting for something a forked JVM does, by polling, with a limit and a message: never a fixed sleep. */
public final class Poll {

    private static final long STEP_MILLIS = 20;

    private Poll() {
    }

    /** Returns once {@code condition} holds; fails with {@code what} and {@code context} after {@code limit}. */
    public static void until(Duration limit, String what, Callable<Boolean> condition, Callable<String> context)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toMillis() + " ms for " + what + "\n" + context.call());
            }
            Thread.sleep(STEP_MILLIS);
        }
    }
}
