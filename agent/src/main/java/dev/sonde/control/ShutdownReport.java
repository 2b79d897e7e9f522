package dev.sonde.control;

import dev.sonde.bootstrap.Log;

/**
 * Writes the final report when the JVM shuts down (normal exit, {@code System.exit}, SIGTERM,
 * Ctrl-C). The hook waits at most {@link #TIME_LIMIT_MILLIS} for the writer, so shutdown is never
 * held up long; a write cut short leaves no partial report, only a temporary file.
 */
final class ShutdownReport {

    static final long TIME_LIMIT_MILLIS = 2_000;

    private final Thread hook;

    private ShutdownReport(Thread hook) {
        this.hook = hook;
    }

    /** @param finish ends interval reports and writes the final report; runs once, at shutdown */
    static ShutdownReport register(Runnable finish) {
        Thread hook = new Thread(() -> runWithin(finish), "sonde-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return new ShutdownReport(hook);
    }

    /** After a detach: nothing is left to write at shutdown. */
    void unregister() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook runs now and finds the agent detached.
        }
    }

    private static void runWithin(Runnable finish) {
        Thread writer = new Thread(() -> {
            try {
                finish.run();
            } catch (Throwable t) {
                Log.error("could not write the final report", t);
            }
        }, "sonde-shutdown-writer");
        writer.setDaemon(true);
        writer.setUncaughtExceptionHandler(Log::threadDied);
        writer.start();
        try {
            writer.join(TIME_LIMIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            Log.error("the report was not finished within " + TIME_LIMIT_MILLIS + " ms; shutdown goes on without it");
        }
    }
}
