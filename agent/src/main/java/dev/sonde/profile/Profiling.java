package dev.sonde.profile;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.ProfileTrigger;
import dev.sonde.config.ProfilingConfig;
import dev.sonde.config.SlowCallRule;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.ThreadLocalRecorder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * sonde's flame graphs: the whole run ({@code profile=cpu}), one per period
 * ({@code profile.every}), one when an operation turns slow ({@code profile.trigger}, at most one
 * per cooldown), and on demand. Every profile taken is added to the {@link ProfileLog}. Scheduled
 * and triggered files are bounded by {@code keep}. Runs on one daemon thread; a failure is one line
 * and leaves everything else working.
 */
public final class Profiling {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final long TRIGGER_CHECK_MILLIS = 1_000;
    /** At shutdown, how long a profile in progress may take to write its file (a few ms normally). */
    private static final long IN_FLIGHT_WAIT_MILLIS = 500;
    /**
     * At shutdown, how long the whole-run profile's recording may take to become its flame graph
     * and slow-call graphs (with {@code profile.slow}): the final report must still be written
     * within the shutdown's two seconds.
     */
    private static final Duration WHOLE_RUN_CONVERSION_LIMIT = Duration.ofMillis(1_200);

    private final ProfilingConfig config;
    private final Path out;
    private final ThreadLocalRecorder recorder;
    private final OperationRegistry registry;
    private final ProfileLog log;
    private final long pid = ProcessHandle.current().pid();
    private ScheduledExecutorService executor;

    public Profiling(ProfilingConfig config, Path out, ThreadLocalRecorder recorder, OperationRegistry registry,
                     ProfileLog log) {
        this.config = config;
        this.out = out;
        this.recorder = recorder;
        this.registry = registry;
        this.log = log;
    }

    /** The slices every profile adds ({@code profile.slow}), or those of {@code rules} when given. */
    private CallSlicing slicing(List<SlowCallRule> rules) {
        return new CallSlicing(rules.isEmpty() ? config.slowCalls() : rules, registry, recorder);
    }

    private void addAll(List<ProfileRecord> records) {
        if (records != null) {
            records.forEach(log::add);
        }
    }

    public ProfileLog log() {
        return log;
    }

    /** Starts what the configuration asks for; nothing if no {@code profile*} key is set. */
    public void start() {
        if (!config.anything()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sonde-profiler");
            thread.setUncaughtExceptionHandler(Log::threadDied);
            thread.setDaemon(true);
            return thread;
        });
        config.wholeRunEvent().ifPresent(this::startWholeRun);
        if (!config.every().isZero()) {
            long period = config.every().toMillis();
            executor.scheduleWithFixedDelay(() -> profileWindow("scheduled"), period, period, TimeUnit.MILLISECONDS);
        }
        config.trigger().ifPresent(trigger -> {
            SlowOperationWatch watch = new SlowOperationWatch(trigger, config.cooldown(), System::nanoTime);
            executor.scheduleWithFixedDelay(() -> check(trigger, watch),
                    TRIGGER_CHECK_MILLIS, TRIGGER_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    private void startWholeRun(String event) {
        try {
            Path file = file("run", format());
            if (!Profiler.get().start(event(event), format(), file, "whole-run", slicing(List.of()))) {
                Log.error("whole-run profile not started: another profile is running");
            }
        } catch (ProfilerUnavailableException e) {
            Log.error("flame graphs unavailable: " + e.getMessage() + "; latency recording continues");
        }
    }

    /** At shutdown, before the final report: ends the whole-run profile and writes its file. */
    public void stopForShutdown() {
        if (executor != null) {
            // Interrupts a scheduled or triggered profile in progress: it stops early, and is
            // written and logged within this short wait, so the final report lists it.
            executor.shutdownNow();
            try {
                executor.awaitTermination(IN_FLIGHT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (config.wholeRunEvent().isPresent()) {
            try {
                addAll(Profiler.get().stopAll(WHOLE_RUN_CONVERSION_LIMIT));
            } catch (ProfilerUnavailableException e) {
                Log.error("the whole-run profile could not be written: " + e.getMessage());
            }
        }
    }

    /**
     * An on-demand profile (JMX, the {@code profile} command); blocks for its duration. With
     * {@code slowCalls} (else {@code profile.slow}), the slices of those operations are written too.
     * Returns the profile, then its slices.
     */
    public List<ProfileRecord> profileNow(ProfileEvent event, ProfileFormat format, Path file, Duration duration,
                                          List<SlowCallRule> slowCalls) throws ProfilerUnavailableException {
        Path target = file != null ? file : file("on-demand", format);
        List<ProfileRecord> written = Profiler.get().record(event, format, target, duration, "on-demand",
                slicing(slowCalls));
        if (written == null) {
            throw new ProfilerUnavailableException("another profile is running in this JVM; try again when it ends");
        }
        addAll(written);
        return written;
    }

    private void profileWindow(String reason) {
        try {
            List<ProfileRecord> written = Profiler.get().record(event(config.event()), format(), file(reason, format()),
                    config.duration(), reason, slicing(List.of()));
            if (written == null || written.isEmpty()) {
                Log.info(reason + " profile skipped: another profile is running");
                return;
            }
            addAll(written);
            if (Thread.currentThread().isInterrupted()) {
                // Cut short by shutdown or detach: often a few ms of the JVM's exit. It is written,
                // but must not make the rotation delete a complete profile in its favour.
                Log.info(reason + " flame graph (cut short after " + String.format(Locale.ROOT, "%.2f", written.get(0).seconds())
                        + " s) written to " + written.get(0).file());
                return;
            }
            Log.info(reason + " flame graph written to " + written.get(0).file());
            removeOldFiles();
        } catch (ProfilerUnavailableException e) {
            Log.error(reason + " profile failed: " + e.getMessage());
        } catch (RuntimeException e) {
            Log.error(reason + " profile failed", e);
        }
    }

    /** Compares the last second's calls of the trigger's operation with its threshold. */
    private void check(ProfileTrigger trigger, SlowOperationWatch watch) {
        long observed = watch.check(recorder.snapshotOf(trigger.operation()));
        if (observed != SlowOperationWatch.NOT_SLOW) {
            Log.info("profile.trigger " + trigger + " crossed (" + observed / 1_000_000 + " ms); profiling for "
                    + config.duration().getSeconds() + " s");
            profileWindow("trigger: " + trigger);
            watch.profiled(recorder.snapshotOf(trigger.operation()));
        }
    }

    private Path file(String reason, ProfileFormat format) {
        String kind = reason.startsWith("trigger") ? "trigger" : reason;
        return out.resolve("sonde-profile-" + pid + "-" + FILE_TIME.format(Instant.now()) + "-" + kind + "."
                + format.extension());
    }

    /**
     * Keeps the newest {@code keep} scheduled and triggered profiles; the slices of a profile
     * ({@code <profile>.<operation>.<slice>.html}) go with it.
     */
    private void removeOldFiles() {
        List<Path> profiles = new ArrayList<>();
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(out, "sonde-profile-" + pid + "-*")) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                int kind = Math.max(name.indexOf("-scheduled."), name.indexOf("-trigger."));
                if (kind >= 0) {
                    all.add(file);
                    if (name.indexOf('.', name.indexOf('.', kind) + 1) < 0) {
                        profiles.add(file);
                    }
                }
            }
            profiles.sort(null);
            for (int i = 0; i < profiles.size() - config.keep(); i++) {
                String name = profiles.get(i).getFileName().toString();
                String slicePrefix = name.substring(0, name.lastIndexOf('.') + 1);
                Files.deleteIfExists(profiles.get(i));
                for (Path file : all) {
                    if (file.getFileName().toString().startsWith(slicePrefix)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            Log.error("could not remove old profiles in " + out + ": " + Log.describe(e));
        }
    }

    private ProfileFormat format() {
        return ProfileFormat.named(config.format()).orElse(ProfileFormat.HTML);
    }

    private static ProfileEvent event(String name) {
        return ProfileEvent.named(name).orElse(ProfileEvent.CPU);
    }
}
