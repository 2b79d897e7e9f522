package dev.sonde.control;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.Config;
import dev.sonde.record.ThreadLocalRecorder;
import dev.sonde.report.JsonReportWriter;
import dev.sonde.report.Report;

import java.io.OutputStream;
import java.time.Instant;

/**
 * Builds and serializes one throw-away report, in the background, soon after start. The final
 * report is written inside the shutdown bound ({@link ShutdownReport#TIME_LIMIT_MILLIS}); on a busy
 * machine, loading Jackson and the report classes for the first time at that moment can take most
 * of it. Warming the path up front moves that cost out of shutdown. Best effort: a failure is only
 * logged at debug level.
 */
final class ReportWarmUp {

    private static final long DELAY_MILLIS = 1_500;

    private ReportWarmUp() {
    }

    static void start(Config config, ThreadLocalRecorder recorder) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(DELAY_MILLIS);
                Instant now = Instant.now();
                Report report = ReportDump.report(config, "warm-up", now, now, recorder.snapshot(), 0,
                        RuntimeSample.take().since(RuntimeSample.take()));
                new JsonReportWriter().mapper().writeValue(OutputStream.nullOutputStream(), report);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                Log.debug("report warm-up failed: " + Log.describe(t));
            }
        }, "sonde-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
