package dev.sonde.control;

import dev.sonde.bootstrap.AgentHandle;
import dev.sonde.bootstrap.Log;
import dev.sonde.bootstrap.Recorder;
import dev.sonde.config.AgentArguments;
import dev.sonde.config.Config;
import dev.sonde.config.ConfigException;
import dev.sonde.config.ConfigLoader;
import dev.sonde.instrument.Instrumenter;
import dev.sonde.profile.ProfileEvent;
import dev.sonde.profile.ProfileFormat;
import dev.sonde.profile.ProfileLog;
import dev.sonde.profile.ProfileRecord;
import dev.sonde.profile.ProfilerUnavailableException;
import dev.sonde.profile.Profiling;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.RecordingOptions;
import dev.sonde.record.ThreadLocalRecorder;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.sonde.control.ControlReply.error;
import static dev.sonde.control.ControlReply.ok;

/**
 * The sonde that runs in this JVM: its configuration, instrumentation and recording, and the
 * threads, shutdown hook, MBean and published properties around them. Later {@code agentmain} calls
 * reach it through {@link AgentHandle} as a plain {@link UnaryOperator} (an {@link AgentRequest}'s
 * text in, a {@link ControlReply} line out): {@code attach} again reconfigures it, {@code dump}
 * writes a report, {@code detach} removes it.
 *
 * <p>Reconfiguring keeps the operation registry and the recorder, so names keep their ids and counts
 * go on; the old transformer is reset (classes retransformed to their original code) <em>before</em>
 * the new one is installed, so that no class ever carries the advice twice. Calls made while the
 * classes are being retransformed are not recorded.
 *
 * <p>Concurrency: requests (on the JVM's attach listener thread), JMX calls and the shutdown hook are
 * serialized on this object. Interval windows end on their own thread and take only
 * {@link IntervalReports}' lock, never this one, so stopping them from here cannot deadlock.
 */
final class RunningAgent implements UnaryOperator<String> {

    private final Instrumentation instrumentation;
    private final OperationRegistry registry;
    private final ThreadLocalRecorder recorder;
    private final Instant recordingStart = Instant.now();
    private final ReportDump dump;
    private final ProfileLog profiles = new ProfileLog();
    /** Volatile: on-demand profiles run outside this object's lock (they take their whole duration). */
    private volatile Profiling profiling;
    private final long pid = ProcessHandle.current().pid();
    private Housekeeper housekeeper;
    private ShutdownReport shutdownReport;
    private AgentControl control;
    private String arguments;
    private Config config;
    private ResettableClassFileTransformer transformer;
    private Instrumenter instrumenter;
    private IntervalReports intervals;
    private boolean detached;

    private RunningAgent(String arguments, Config config, Instrumentation instrumentation) {
        this.arguments = arguments;
        this.config = config;
        this.instrumentation = instrumentation;
        this.registry = new OperationRegistry(config.maxOperations());
        this.recorder = new ThreadLocalRecorder(registry, new RecordingOptions(config.allocation(), config.selfTime()));
        this.dump = new ReportDump(registry, recorder, profiles, recordingStart, RuntimeSample.take());
    }

    /** Starts sonde with {@code config} (read from {@code arguments}); returns the reply line. */
    static String start(String arguments, Config config, Instrumentation instrumentation, boolean atStartup) {
        RunningAgent agent = new RunningAgent(arguments, config, instrumentation);
        if (!Recorder.installIfAbsent(agent.recorder)) {
            return refused("another copy of sonde is already recording in this JVM; this start is ignored");
        }
        if (!AgentHandle.registerIfAbsent(agent)) {
            Recorder.uninstall();
            return refused("sonde is already running in this JVM; this start is ignored");
        }
        synchronized (agent) {
            // Published first: a command that comes while classes are being instrumented finds sonde.
            PublishedProperties.publish(config);
            try {
                agent.instrumenter = new Instrumenter(config, agent.registry);
                agent.transformer = agent.instrumenter.install(instrumentation);
            } catch (RuntimeException | Error e) {
                PublishedProperties.clear();
                Recorder.uninstall();
                AgentHandle.unregister(agent);
                throw e;
            }
            agent.housekeeper = Housekeeper.start(agent.recorder);
            agent.shutdownReport = ShutdownReport.register(agent::finishAtShutdown);
            ReportWarmUp.start(config, agent.recorder);
            agent.control = new AgentControl(agent);
            agent.control.registerLater(atStartup);
            agent.startIntervals(List.of(), agent.recordingStart);
            agent.startProfiling();
        }
        String message = "started" + (atStartup ? "" : " (attached)") + "; " + agent.describe();
        Log.info(message);
        return ok(message);
    }

    private static String refused(String message) {
        Log.error(message);
        return error(message);
    }

    @Override
    public synchronized String apply(String requestText) {
        try {
            if (detached) {
                return error("sonde was detached from this JVM");
            }
            AgentRequest request = AgentRequest.parse(requestText);
            switch (request.command()) {
                case START:
                    return reconfigure(request.configuration());
                case DUMP:
                    return dump(request.out(), request.reset());
                default:
                    return detach();
            }
        } catch (Throwable t) {
            Log.error("request failed", t);
            return error("failed in the target JVM: " + Log.describe(t));
        }
    }

    private String reconfigure(String newArguments) {
        String merged;
        Config requested;
        try {
            merged = AgentArguments.overlay(arguments, newArguments);
            requested = ConfigLoader.fromThisJvm().load(merged);
        } catch (ConfigException e) {
            String message = "invalid configuration: " + e.getMessage() + "; sonde goes on as it was";
            Log.error(message);
            return error(message);
        }
        List<String> fixed = unchangeableKeys(requested);
        if (!fixed.isEmpty()) {
            return error(String.join(", ", fixed) + " cannot change while sonde runs; detach, then attach with the new value");
        }
        Log.setLevel(requested.logLevel());
        requested.warnings().forEach(Log::error);
        Config next = requested.withOut(OutputDirectory.choose(requested.out()));

        List<OperationSnapshot> cumulative = recorder.snapshot();
        Instant takenAt = Instant.now();
        stopIntervals(cumulative, takenAt);
        transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
        arguments = merged;
        config = next;
        instrumenter = new Instrumenter(config, registry);
        transformer = instrumenter.install(instrumentation);
        startIntervals(cumulative, takenAt);
        profiling.stopForShutdown();
        startProfiling();
        PublishedProperties.publish(config);
        String message = "reconfigured; " + describe();
        Log.info(message);
        return ok(message);
    }

    /** The keys whose value the recorder was built with: changing them needs a fresh recording. */
    private List<String> unchangeableKeys(Config requested) {
        List<String> keys = new ArrayList<>();
        if (requested.allocation() != config.allocation()) {
            keys.add("alloc");
        }
        if (requested.selfTime() != config.selfTime()) {
            keys.add("self");
        }
        if (requested.maxOperations() != config.maxOperations()) {
            keys.add("max.operations");
        }
        return keys;
    }

    private String dump(Path out, boolean reset) {
        List<OperationSnapshot> cumulative = recorder.snapshot();
        Instant takenAt = Instant.now();
        Path file = out != null ? out.toAbsolutePath() : newDumpFile(takenAt);
        Path directory = file.getParent();
        if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
            return error("could not write the report to " + file + ": " + directory + " is not a directory");
        }
        try {
            dump.write(config, "on-demand", file, cumulative, takenAt);
        } catch (IOException | RuntimeException e) {
            String message = "could not write the report to " + file + ": " + Log.describe(e);
            Log.error(message);
            return error(message);
        }
        if (reset) {
            dump.reset(cumulative, takenAt);
        }
        Log.info("on-demand report written to " + file + (reset ? "; a new window starts now" : ""));
        return ok(file.toString());
    }

    /**
     * A name no earlier dump has: two dumps in the same millisecond (small reports on a fast disk,
     * asked for from several threads) would otherwise replace one another. Dumps are serialized on
     * this object, so the check cannot race another dump of this JVM.
     */
    private Path newDumpFile(Instant takenAt) {
        for (int sequence = 1; ; sequence++) {
            Path file = config.out().resolve(ReportFileNames.onDemand(pid, takenAt, sequence));
            if (!Files.exists(file)) {
                return file;
            }
        }
    }

    /** For the MBean: the next report's window starts now. */
    synchronized void reset() {
        dump.reset(recorder.snapshot(), Instant.now());
    }

    private String detach() {
        String removed = "instrumentation removed";
        try {
            transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
        } catch (RuntimeException e) {
            Log.error("could not retransform every class back; those left record nothing from now on", e);
            removed = "instrumentation removed, except from classes that could not be retransformed";
        }
        profiling.stopForShutdown();
        List<OperationSnapshot> cumulative = recorder.snapshot();
        Instant takenAt = Instant.now();
        stopIntervals(cumulative, takenAt);
        String report;
        try {
            report = "report written to " + writeFinalReport("detach", cumulative, takenAt);
        } catch (IOException | RuntimeException e) {
            report = finalReportFailure(e);
            Log.error(report);
        }
        Recorder.uninstall();
        recorder.release();
        housekeeper.stop();
        shutdownReport.unregister();
        control.unregister();
        PublishedProperties.clear();
        AgentHandle.unregister(this);
        detached = true;
        String message = "detached; " + removed + "; " + report;
        Log.info(message);
        return ok(message);
    }

    private synchronized void finishAtShutdown() {
        if (detached) {
            return;
        }
        profiling.stopForShutdown();
        List<OperationSnapshot> cumulative = recorder.snapshot();
        Instant takenAt = Instant.now();
        stopIntervals(cumulative, takenAt);
        try {
            Log.info("report written to " + writeFinalReport("shutdown", cumulative, takenAt));
        } catch (IOException | RuntimeException e) {
            Log.error(finalReportFailure(e));
        }
    }

    private Path writeFinalReport(String trigger, List<OperationSnapshot> cumulative, Instant takenAt) throws IOException {
        return dump.write(config.withMoreWarnings(unmatchedPatternWarnings()), trigger, finalReportFile(), cumulative,
                takenAt);
    }

    /** An include that timed nothing in the whole run is most likely a typo: said in the final report and on stderr. */
    private List<String> unmatchedPatternWarnings() {
        List<String> warnings = new ArrayList<>();
        for (String pattern : instrumenter.unmatchedIncludes()) {
            String warning = "include pattern " + pattern + " matched no method of any class loaded while sonde ran";
            Log.error(warning + "; check the package, class and method names (docs/configuration.md#method-patterns)");
            warnings.add(warning);
        }
        return warnings;
    }

    /** The one line for a final report that could not be written (said once, as an error). */
    private String finalReportFailure(Exception e) {
        return "could not write the report to " + finalReportFile() + ": " + Log.describe(e);
    }

    private Path finalReportFile() {
        return config.out().resolve(ReportFileNames.shutdown(pid, recordingStart));
    }

    private void startProfiling() {
        profiling = new Profiling(config.profiling(), config.out(), recorder, profiles);
        profiling.start();
    }

    /**
     * An on-demand flame graph (the {@code profile} command, the MBean); blocks for its duration
     * without holding this object's lock, so dumps and other requests go on meanwhile.
     */
    String profile(ProfileEvent event, ProfileFormat format, Path file, Duration duration) {
        if (detached) {
            return error("sonde was detached from this JVM");
        }
        try {
            ProfileRecord record = profiling.profileNow(event, format, file, duration);
            Log.info("on-demand flame graph written to " + record.file());
            return ok(record.file().toString());
        } catch (ProfilerUnavailableException e) {
            Log.error("on-demand profile failed: " + e.getMessage());
            return error(e.getMessage());
        }
    }

    private void startIntervals(List<OperationSnapshot> cumulative, Instant seriesStart) {
        if (config.interval().isZero()) {
            return;
        }
        intervals = new IntervalReports(config, recorder, registry, profiles, cumulative, seriesStart);
        try {
            intervals.start();
        } catch (IOException | RuntimeException e) {
            Log.error("interval reports are off: cannot write to " + config.out(), e);
            intervals = null;
        }
    }

    private void stopIntervals(List<OperationSnapshot> cumulative, Instant takenAt) {
        if (intervals != null) {
            intervals.finish(cumulative, takenAt);
            intervals = null;
        }
    }

    private String describe() {
        String timing = config.includes().isEmpty() ? "nothing" : config.includes().toString();
        return "timing " + timing + "; report at exit: " + finalReportFile();
    }

    synchronized Config config() {
        return config;
    }

    OperationRegistry registry() {
        return registry;
    }

    ThreadLocalRecorder recorder() {
        return recorder;
    }

    Instant recordingStart() {
        return recordingStart;
    }

    Instant windowStart() {
        return dump.windowStart();
    }

    synchronized long intervalWindowsWritten() {
        return intervals == null ? 0 : intervals.windowsWritten();
    }
}
