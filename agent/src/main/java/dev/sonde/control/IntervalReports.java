package dev.sonde.control;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.Config;
import dev.sonde.config.DurationText;
import dev.sonde.profile.ProfileLog;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.SnapshotBaseline;
import dev.sonde.record.ThreadLocalRecorder;
import dev.sonde.report.JsonReportWriter;
import dev.sonde.report.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A series of interval windows for soak tests ({@code interval=60s}): at the end of every window, a
 * report of that window alone ({@code trigger: interval}, numbered files) and the window's histograms
 * appended to one {@link IntervalLog}. A window is the difference of two cumulative snapshots, so
 * the windows of a series add up exactly to the cumulative figures over the same time.
 *
 * <p>Disk use: only the newest {@code keep} window reports of the series stay; older ones are deleted
 * as new ones are written. The log is cut into parts of {@code keep} windows, of which the newest
 * two stay ({@link RotatingIntervalLog}), so a soak test of any length uses bounded disk.
 *
 * <p>A window report lists the profiles (flame graphs) that ended during its window.
 *
 * <p>Concurrency: windows end on one daemon thread; {@link #finish} may be called from any thread,
 * once. It stops the schedule, waits briefly for a window being written, and writes the last, partial
 * window from the caller's snapshot (so the series adds up to that snapshot exactly).
 */
final class IntervalReports {

    /** How long {@link #finish} waits for a window being written; shutdown must not wait longer. */
    private static final long FINISH_WAIT_MILLIS = 500;

    private final Config config;
    private final ThreadLocalRecorder recorder;
    private final OperationRegistry registry;
    private final ProfileLog profiles;
    private final Instant seriesStart;
    private final long pid = ProcessHandle.current().pid();
    private final JsonReportWriter writer = new JsonReportWriter();
    private final Deque<Path> kept = new ArrayDeque<>();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sonde-interval");
        thread.setUncaughtExceptionHandler(Log::threadDied);
        thread.setDaemon(true);
        return thread;
    });
    private RotatingIntervalLog log;
    private SnapshotBaseline baseline = SnapshotBaseline.START;
    /** {@link ProfileLog#count()} when the current window started. */
    private long profilesAtWindowStart;
    private Instant windowStart;
    private RuntimeSample runtimeAtWindowStart;
    private long windows;
    private boolean finished;
    /** Only on the schedule's thread. */
    private boolean failing;

    /**
     * @param baseline the cumulative snapshot at {@code seriesStart}: the first window starts there
     */
    IntervalReports(Config config, ThreadLocalRecorder recorder, OperationRegistry registry, ProfileLog profiles,
                    List<OperationSnapshot> baseline, Instant seriesStart) {
        this.config = config;
        this.recorder = recorder;
        this.registry = registry;
        this.profiles = profiles;
        this.profilesAtWindowStart = profiles.count();
        this.seriesStart = seriesStart;
        this.baseline = SnapshotBaseline.of(baseline);
        this.windowStart = seriesStart;
        this.runtimeAtWindowStart = RuntimeSample.take();
    }

    /** Opens the {@code .hlog} and schedules the windows. */
    void start() throws IOException {
        log = new RotatingIntervalLog(config.out(), pid, seriesStart, config.keep());
        log.open();
        long millis = config.interval().toMillis();
        // Window n ends at series start + n x interval. When starting took longer than an interval
        // (premain instruments what is loaded before this runs), the first window ends at once.
        long firstEnd = Math.max(0, millis - Duration.between(seriesStart, Instant.now()).toMillis());
        schedule.scheduleAtFixedRate(this::endWindow, firstEnd, millis, TimeUnit.MILLISECONDS);
        Log.info("interval reports every " + DurationText.format(config.interval()) + " (newest " + config.keep()
                + " kept) and " + log.currentFile());
    }

    /**
     * A failed window (a full disk) is said once, not once a window, and again only after windows
     * have worked in between. Its calls are not lost: the next window that is written covers it too.
     */
    private void endWindow() {
        try {
            List<OperationSnapshot> cumulative = recorder.snapshot();
            write(cumulative, Instant.now());
            if (failing) {
                failing = false;
                Log.info("interval reports written again (window " + windowsWritten() + ")");
            }
        } catch (Throwable t) {
            if (!failing) {
                failing = true;
                Log.error("interval report failed; the next windows try again, and cover this one (said once)", t);
            } else {
                Log.debug("interval report failed again: " + Log.describe(t));
            }
        }
    }

    /** Stops the series; the last window ends at {@code cumulative}, taken at {@code takenAt}. */
    void finish(List<OperationSnapshot> cumulative, Instant takenAt) {
        schedule.shutdown();
        try {
            schedule.awaitTermination(FINISH_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            try {
                write(cumulative, takenAt);
            } catch (IOException | RuntimeException e) {
                Log.error("the last interval report could not be written", e);
            } finally {
                finished = true;
                if (log != null) {
                    log.close();
                }
            }
        }
    }

    private synchronized void write(List<OperationSnapshot> cumulative, Instant end) throws IOException {
        if (finished || log == null) {
            return;
        }
        List<OperationSnapshot> window = baseline.since(cumulative);
        Report.Runtime runtime = RuntimeSample.take().since(runtimeAtWindowStart);
        Report report = ReportDump.report(ReportDump.withRunWarnings(config, recorder), "interval", windowStart, end,
                window, registry.droppedCount(), runtime);
        long profilesNow = profiles.count();
        report.profiles = ReportDump.profileEntries(profiles.addedBetween(profilesAtWindowStart, profilesNow));
        Path file = config.out().resolve(ReportFileNames.interval(pid, seriesStart, windows + 1));
        writer.write(report, file);
        log.append(windowStart, end, window);
        windows++;
        kept.addLast(file);
        while (kept.size() > config.keep()) {
            Files.deleteIfExists(kept.removeFirst());
        }
        baseline = SnapshotBaseline.of(cumulative);
        profilesAtWindowStart = profilesNow;
        windowStart = end;
        runtimeAtWindowStart = RuntimeSample.take();
    }

    synchronized long windowsWritten() {
        return windows;
    }
}
