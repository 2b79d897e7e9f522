package dev.sonde.control;

import dev.sonde.bootstrap.Log;

import java.nio.file.Path;

/**
 * Writes the final report when the JVM shuts down (normal exit, {@code System.exit}, SIGTERM,
 * Ctrl-C). The hook waits at most {@link #TIME_LIMIT_MILLIS} for the writer, so shutdown is never
 * held up long; a write cut short leaves no partial report, only a temporary file.
 */
final class ShutdownReport {

    static final long TIME_LIMIT_MILLIS = 2_000;

    private ShutdownReport() {
    }

    static void register(ReportDump dump, Path file) {
        Thread hook = new Thread(() -> writeWithin(dump, file), "sonde-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static void writeWithin(ReportDump dump, Path file) {
        Thread writer = new Thread(() -> {
            try {
                Path written = dump.write("shutdown", file);
                Log.info("report written to " + written);
            } catch (Throwable t) {
                Log.error("could not write the report to " + file, t);
            }
        }, "sonde-shutdown-writer");
        writer.setDaemon(true);
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
