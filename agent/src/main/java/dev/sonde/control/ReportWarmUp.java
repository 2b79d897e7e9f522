package dev.sonde.control;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.Config;
import dev.sonde.record.ThreadLocalRecorder;
import dev.sonde.report.JsonReportWriter;
import dev.sonde.report.Report;

import java.io.OutputStream;
import java.time.Instant;

/**
 * Builds and serializes one throw-away report, in the background, right after start, at the lowest
 * thread priority. The final
 * report is written inside the shutdown bound ({@link ShutdownReport#TIME_LIMIT_MILLIS}); on a busy
 * machine, loading Jackson and the report classes for the first time at that moment can take most
 * of it (and a short-lived program may exit a second after it started). Warming the path up front
 * moves that cost out of shutdown. Best effort: a failure is only logged at debug level.
 */
final class ReportWarmUp {

    private ReportWarmUp() {
    }

    static void start(Config config, ThreadLocalRecorder recorder) {
        Thread thread = new Thread(() -> {
            try {
                Instant now = Instant.now();
                Report report = ReportDump.report(config, "warm-up", now, now, recorder.snapshot(), 0,
                        RuntimeSample.take().since(RuntimeSample.take()));
                new JsonReportWriter().mapper().writeValue(OutputStream.nullOutputStream(), report);
            } catch (Throwable t) {
                Log.debug("report warm-up failed: " + Log.describe(t));
            }
        }, "sonde-warm-up");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(Log::threadDied);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
