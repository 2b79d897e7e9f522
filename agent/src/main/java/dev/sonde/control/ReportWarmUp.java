package dev.sonde.control;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.Config;
import dev.sonde.record.ThreadLocalRecorder;
import dev.sonde.report.JsonReportWriter;
import dev.sonde.report.Report;

import java.io.OutputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Builds and serializes one throw-away report in the background, once the application has started.
 * The final report is written inside the shutdown bound ({@link ShutdownReport#TIME_LIMIT_MILLIS});
 * on a busy machine, loading Jackson and the report classes for the first time at that moment can
 * take much of it. Warming the path up beforehand moves that cost out of shutdown.
 *
 * <p>Not while the application starts, though: loading Jackson (some 500 classes) and running the
 * report path competes with the application's own start for the CPU, which on a small machine
 * shows (Linux ignores Java thread priorities). With {@code -javaagent} it waits until class loading calms down
 * (fewer than {@link #QUIET_CLASSES} new classes in {@link #POLL_MILLIS} ms), at most
 * {@link #LATEST_MILLIS} ms. The JVM facts (the host name may need a resolver round trip) are looked up
 * at once. A program that ends before then writes its report cold. A failure is said in one line: a
 * class that failed to initialize here stays failed, so the dump that follows would fail too and
 * only this line names the first error.
 */
final class ReportWarmUp {

    private static final long POLL_MILLIS = 250;
    private static final long QUIET_CLASSES = 25;
    /**
     * A Spring Boot application with JPA takes 7–13 s to start on two cores and loads classes all
     * along. With a limit of 10 s, the warm-up (some 440 classes of Jackson, and their compilation)
     * ran while such a start was still under way on a slower machine, and made it 3–5 % longer. The
     * price of the longer limit: a program that keeps loading classes and ends within a minute
     * writes its report cold.
     */
    private static final long LATEST_MILLIS = 60_000;

    private ReportWarmUp() {
    }

    /** @param atStartup whether the application is starting now ({@code -javaagent}) rather than running (attach) */
    static void start(Config config, ThreadLocalRecorder recorder, boolean atStartup) {
        Thread thread = new Thread(() -> {
            try {
                JvmFacts.describe();
                if (atStartup) {
                    awaitQuietClassLoading();
                }
                Instant now = Instant.now();
                Report report = ReportDump.report(config, "warm-up", now, now, recorder.snapshot(), 0,
                        RuntimeSample.take().since(RuntimeSample.take()));
                new JsonReportWriter().mapper().writeValue(OutputStream.nullOutputStream(), report);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                Log.error("report warm-up failed; reports written later may fail the same way", t);
            }
        }, "sonde-warm-up");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(Log::threadDied);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void awaitQuietClassLoading() throws InterruptedException {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LATEST_MILLIS);
        long before = classes.getTotalLoadedClassCount();
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            long now = classes.getTotalLoadedClassCount();
            if (now - before < QUIET_CLASSES) {
                return;
            }
            before = now;
        }
    }
}
