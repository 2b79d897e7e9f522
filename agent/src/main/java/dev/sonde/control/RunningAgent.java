package dev.sonde.control;

import dev.sonde.bootstrap.AgentHandle;
import dev.sonde.bootstrap.Log;
import dev.sonde.bootstrap.Recorder;
import dev.sonde.config.AgentArguments;
import dev.sonde.config.Config;
import dev.sonde.config.ConfigException;
import dev.sonde.config.ConfigLoader;
import dev.sonde.export.OtlpPush;
import dev.sonde.export.OtlpResource;
import dev.sonde.export.PrometheusEndpoint;
import dev.sonde.instrument.MethodParametersRestorer;
import dev.sonde.instrument.TransformCandidates;
import dev.sonde.instrument.TransformerGate;
import dev.sonde.instrument.UntimedInclude;
import dev.sonde.profile.OnDemandProfiles;
import dev.sonde.profile.ProfileEvent;
import dev.sonde.profile.ProfileFormat;
import dev.sonde.profile.ProfileLog;
import dev.sonde.profile.ProfileRecord;
import dev.sonde.profile.ProfilerUnavailableException;
import dev.sonde.config.SlowCallRule;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.RecordingOptions;
import dev.sonde.record.ThreadLocalRecorder;
import dev.sonde.report.WriteProblem;
import dev.sonde.report.JsonReportWriter;
import dev.sonde.report.Report;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static dev.sonde.control.ControlReply.error;
import static dev.sonde.control.ControlReply.ok;

/**
 * The sonde that runs in this JVM: its recording, the {@link Installation} of its current
 * configuration, and the threads, shutdown hook, MBean and published properties around them. Later
 * {@code agentmain} calls reach it through {@link AgentHandle} as a plain {@link UnaryOperator} (an
 * {@link AgentRequest}'s text in, a {@link ControlReply} line out): {@code attach} again
 * reconfigures it, {@code dump} writes a report, {@code detach} removes it.
 *
 * <p>Reconfiguring keeps the operation registry and the recorder, so names keep their ids and counts
 * go on; the old installation is removed (classes retransformed to their original code)
 * <em>before</em> the new one is installed, so that no class ever carries the advice twice. Calls
 * made while the classes are being retransformed are not recorded. If the new configuration cannot
 * be installed, the previous one is installed again.
 *
 * <p>Concurrency: start, requests (on the JVM's attach listener thread), JMX calls and the shutdown
 * hook are serialized on this object; the agent is registered in {@link AgentHandle} only under this
 * lock, so a concurrent {@code agentmain} waits until it is complete. {@link #installation} is
 * replaced in one assignment and is null once detached; on-demand profiles read it without the lock,
 * and detach ends those in progress ({@link OnDemandProfiles}) before it writes the final report.
 * Interval windows end on their own thread and take only {@link IntervalReports}' lock, never this
 * one, so stopping them from here cannot deadlock.
 */
final class RunningAgent implements UnaryOperator<String> {

    /** Stopping a profile and writing its file takes milliseconds; this bounds a slow disk. */
    private static final Duration ON_DEMAND_STOP_WAIT = Duration.ofSeconds(10);
    /** Inside the shutdown hook's bound ({@link ShutdownReport#TIME_LIMIT_MILLIS}), with room for the report's last line. */
    private static final Duration OTLP_SHUTDOWN_WAIT = Duration.ofMillis(ShutdownReport.TIME_LIMIT_MILLIS - 300);
    /** A request (a second {@code -javaagent}, {@code attach}, {@code dump}) that comes while sonde sets up waits this long. */
    private static final Duration REQUEST_START_WAIT = Duration.ofSeconds(30);
    /** Inside the shutdown hook's bound, with room for the report. */
    private static final Duration SHUTDOWN_START_WAIT = Duration.ofMillis(ShutdownReport.TIME_LIMIT_MILLIS / 2);
    private static final String STILL_SETTING_UP =
            "the JVM shut down before sonde had finished setting up; nothing was timed";

    private final Installation.Parts parts;
    private final OnDemandProfiles onDemandProfiles = new OnDemandProfiles();
    private final OperationRegistry registry;
    private final ThreadLocalRecorder recorder;
    private final Instant recordingStart = Instant.now();
    private final ReportDump dump;
    /** The configuration sonde started with (later ones are the {@link #installation}'s). */
    private final Config startConfig;
    /** With {@code -javaagent}: the thread that builds the instrumentation; null when {@link #start} does. */
    private final Thread setUpThread;
    /** Counted down once the instrumentation is in place, or could not be put in place. */
    private final CountDownLatch startCompleted = new CountDownLatch(1);
    private Housekeeper housekeeper;
    private ShutdownReport shutdownReport;
    private AgentControl control;
    /** Null when {@code prometheus=off}, or when it could not listen. */
    private PrometheusEndpoint prometheus;
    /** Null when {@code otlp=off}. */
    private OtlpPush otlp;
    /** The current configuration's; null before start completes and after detach. */
    private volatile Installation installation;

    private RunningAgent(String arguments, Config config, Instrumentation instrumentation, boolean atStartup) {
        this.startConfig = config;
        this.registry = new OperationRegistry(config.maxOperations());
        this.recorder = new ThreadLocalRecorder(registry, new RecordingOptions(config.allocation(), config.selfTime()));
        ProfileLog profiles = new ProfileLog();
        this.setUpThread = atStartup ? new Thread(() -> setUpInBackground(arguments, config), "sonde-set-up") : null;
        TransformerGate gate = setUpThread == null ? TransformerGate.alreadyOpen()
                : TransformerGate.holdingBack(new TransformCandidates(config), setUpThread);
        this.parts = new Installation.Parts(instrumentation, gate, MethodParametersRestorer.forThisJvm(), registry,
                recorder, profiles);
        this.dump = new ReportDump(registry, recorder, profiles, recordingStart);
    }

    /**
     * Starts sonde with {@code config} (read from {@code arguments}); returns the reply line. With
     * {@code -javaagent} ({@code atStartup}) the instrumentation is built on a thread of its own
     * while the application goes on starting (see {@link TransformerGate}), and the reply only says
     * that it is starting; the {@code started} line follows when it has.
     */
    static String start(String arguments, Config config, Instrumentation instrumentation, boolean atStartup) {
        RunningAgent agent = new RunningAgent(arguments, config, instrumentation, atStartup);
        synchronized (agent) {
            if (!Recorder.installIfAbsent(agent.recorder)) {
                return refused("another copy of sonde is already recording in this JVM; this start is ignored");
            }
            if (!AgentHandle.registerIfAbsent(agent)) {
                Recorder.uninstall();
                return refused("sonde is already running in this JVM; this start is ignored");
            }
            // Published first: a command that comes while classes are being instrumented finds sonde.
            PublishedProperties.publish(config);
            try {
                agent.parts.register();
                // Registered before the set-up: a program may end while sonde still sets up.
                agent.shutdownReport = ShutdownReport.register(agent::finishAtShutdown);
            } catch (RuntimeException | Error e) {
                agent.undoStart();
                throw e;
            }
            if (agent.setUpThread == null) {
                return agent.completeStart(arguments, config, atStartup);
            }
            agent.setUpThread.setDaemon(true);
            agent.setUpThread.setUncaughtExceptionHandler(Log::threadDied);
            agent.setUpThread.start();
            return ok("starting");
        }
    }

    private void setUpInBackground(String arguments, Config config) {
        try {
            completeStart(arguments, config, true);
        } catch (Throwable t) {
            AgentStarter.notStarted(t);
        }
    }

    /** Instruments, then starts everything around the recording; undoes what {@link #start} did if that fails. */
    private synchronized String completeStart(String arguments, Config config, boolean atStartup) {
        try {
            // Before anything is installed: a JVM whose platform MXBeans fail leaves sonde not started, not half.
            dump.sampleRuntimeAtStart();
            installation = Installation.install(arguments, config, parts, List.of(), recordingStart);
        } catch (RuntimeException | Error e) {
            shutdownReport.unregister();
            undoStart();
            throw e;
        } finally {
            parts.gate.open();
            startCompleted.countDown();
        }
        housekeeper = Housekeeper.start(recorder);
        prometheus = startPrometheus(config, recorder, registry);
        otlp = startOtlp(config);
        ReportWarmUp.start(config, recorder, atStartup);
        control = new AgentControl(this);
        control.registerLater(atStartup);
        String message = "started" + (atStartup ? "" : " (attached)") + "; " + describe();
        Log.info(message);
        return ok(message);
    }

    /** Takes back what {@link #start} put in place before the instrumentation. */
    private void undoStart() {
        parts.unregister();
        PublishedProperties.clear();
        Recorder.uninstall();
        AgentHandle.unregister(this);
    }

    /**
     * Until the background set-up has ended (installed or failed), at most {@code limit}; whether it
     * has.
     */
    private boolean awaitStart(Duration limit) {
        try {
            return startCompleted.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static PrometheusEndpoint startPrometheus(Config config, ThreadLocalRecorder recorder,
                                                      OperationRegistry registry) {
        return config.prometheus() == null ? null : PrometheusEndpoint.start(config.prometheus(),
                config.prometheusClassic(), recorder, registry);
    }

    /** Null when {@code otlp=off}, or when the push could not start (said in one line; recording goes on). */
    private OtlpPush startOtlp(Config config) {
        if (config.otlp() == null) {
            return null;
        }
        String service = config.otlp().service();
        try {
            return OtlpPush.start(config.otlp(), recorder, registry, () -> {
                Report.Jvm jvm = JvmFacts.describe();
                return new OtlpResource(service != null ? service : OtlpResource.defaultService(jvm.mainClass),
                        jvm.host, jvm.pid);
            }, AgentVersion.current(), recordingStart);
        } catch (RuntimeException | LinkageError e) {
            Log.error("otlp=" + config.otlp().endpoint() + ": cannot push (" + Log.describe(e)
                    + "); sonde records and reports as usual");
            return null;
        }
    }

    private static String refused(String message) {
        Log.error(message);
        return error(message);
    }

    @Override
    public String apply(String requestText) {
        if (!awaitStart(REQUEST_START_WAIT)) {
            return error("sonde is still starting in this JVM; try again");
        }
        return applyStarted(requestText);
    }

    private synchronized String applyStarted(String requestText) {
        try {
            if (installation == null) {
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
        Installation current = installation;
        String merged;
        Config requested;
        try {
            merged = AgentArguments.overlay(current.arguments(), newArguments);
            requested = ConfigLoader.fromThisJvm().load(merged);
        } catch (ConfigException e) {
            String message = "invalid configuration: " + e.getMessage() + "; sonde goes on as it was";
            Log.error(message);
            return error(message);
        }
        List<String> fixed = unchangeableKeys(current.config(), requested);
        if (!fixed.isEmpty()) {
            return error(String.join(", ", fixed) + " cannot change while sonde runs; detach, then attach with the new value");
        }
        Log.setLevel(requested.logLevel());
        requested.warnings().forEach(Log::error);
        Config next = requested.withOut(OutputDirectory.choose(requested.out()));

        List<OperationSnapshot> cumulative = recorder.snapshot();
        Instant takenAt = Instant.now();
        current.remove(parts.instrumentation, cumulative, takenAt);
        try {
            installation = Installation.install(merged, next, parts, cumulative, takenAt);
        } catch (RuntimeException | Error e) {
            String message = "could not apply the new configuration (" + Log.describe(e) + "); sonde goes on as it was";
            Log.error(message);
            installation = Installation.install(current.arguments(), current.config(), parts, cumulative, takenAt);
            return error(message);
        }
        PublishedProperties.publish(next);
        String message = "reconfigured; " + describe();
        Log.info(message);
        return ok(message);
    }

    /** The keys whose value the recorder was built with: changing them needs a fresh recording. */
    private static List<String> unchangeableKeys(Config running, Config requested) {
        List<String> keys = new ArrayList<>();
        if (requested.allocation() != running.allocation()) {
            keys.add("alloc");
        }
        if (requested.selfTime() != running.selfTime()) {
            keys.add("self");
        }
        if (requested.maxOperations() != running.maxOperations()) {
            keys.add("max.operations");
        }
        // The endpoint's address is what Prometheus is configured to scrape: it moves only with a new start.
        if (!Objects.equals(requested.prometheus(), running.prometheus())) {
            keys.add("prometheus");
        }
        if (requested.prometheusClassic() != running.prometheusClassic()) {
            keys.add("prometheus.classic");
        }
        // The push thread holds its settings from start; like the endpoint, they change with a new start.
        if (!Objects.equals(requested.otlp(), running.otlp())) {
            keys.add("otlp");
        }
        return keys;
    }

    private String dump(Path out, boolean reset) {
        Config config = installation.config();
        List<OperationSnapshot> cumulative = recorder.snapshot();
        Instant takenAt = Instant.now();
        Path file = out != null ? out.toAbsolutePath() : newDumpFile(config, takenAt);
        Path directory = file.getParent();
        if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
            return error("could not write the report to " + file + ": " + directory + " is not a directory");
        }
        try {
            dump.write(config, "on-demand", file, cumulative, takenAt);
        } catch (IOException e) {
            String message = "could not write the report to " + file + ": " + WriteProblem.describe(file, e);
            Log.error(message);
            return error(message);
        } catch (RuntimeException e) {
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
    private Path newDumpFile(Config config, Instant takenAt) {
        for (int sequence = 1; ; sequence++) {
            Path file = config.out().resolve(ReportFileNames.onDemand(pid(), takenAt, sequence));
            if (!Files.exists(file)) {
                return file;
            }
        }
    }

    /** For the MBean: the next report's window starts now. */
    synchronized void reset() {
        dump.reset(recorder.snapshot(), Instant.now());
    }

    /**
     * For the MBean: a report from recording start to now, as JSON text. Takes a snapshot like any
     * report does, which reads the totals without changing them, and no lock of this object, so a
     * {@code top} refreshing every second never waits on a dump or a reconfiguration.
     */
    String cumulativeReport() {
        Config config = config();
        List<OperationSnapshot> cumulative = recorder.snapshot();
        Report report = ReportDump.report(ReportDump.withRunWarnings(config, recorder), "snapshot", recordingStart,
                Instant.now(), cumulative, registry.droppedCount(), null);
        try {
            return new JsonReportWriter().toJson(report);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the snapshot as JSON: " + Log.describe(e));
        }
    }

    private String detach() {
        Installation last = installation;
        String stoppedProfiles = finishOnDemandProfiles();
        List<OperationSnapshot> cumulative = recorder.snapshot();
        Instant takenAt = Instant.now();
        boolean removed = last.remove(parts.instrumentation, cumulative, takenAt);
        parts.unregister();
        String report;
        try {
            report = "report written to " + writeFinalReport(last, "detach", cumulative, takenAt);
        } catch (IOException | RuntimeException e) {
            report = finalReportFailure(last.config(), e);
            Log.error(report);
        }
        if (prometheus != null) {
            prometheus.stop();
        }
        if (otlp != null) {
            otlp.finish();
        }
        Recorder.uninstall();
        recorder.release();
        housekeeper.stop();
        shutdownReport.unregister();
        control.unregister();
        PublishedProperties.clear();
        AgentHandle.unregister(this);
        installation = null;
        String message = "detached; " + (removed ? "instrumentation removed"
                : "instrumentation removed, except from classes that could not be retransformed") + "; "
                + stoppedProfiles + report;
        Log.info(message);
        return ok(message);
    }

    /**
     * Ends the on-demand profiles in progress, so that they are written before the final report,
     * which lists them; returns what the detach message says about them ("" if there were none).
     */
    private String finishOnDemandProfiles() {
        long before = parts.profiles.count();
        if (!onDemandProfiles.finishAll(ON_DEMAND_STOP_WAIT)) {
            Log.error("an on-demand profile was still being written after " + ON_DEMAND_STOP_WAIT.getSeconds()
                    + " s; the detach report does not list it");
        }
        StringBuilder said = new StringBuilder();
        for (ProfileRecord stopped : parts.profiles.addedAfter(before)) {
            said.append("on-demand profile stopped early: ").append(stopped.file()).append("; ");
        }
        return said.toString();
    }

    /**
     * Runs inside the shutdown bound: a program that ends while sonde sets up waits for the set-up
     * (a fraction of a second), whose classes and calls the report then has.
     */
    private void finishAtShutdown() {
        if (awaitStart(SHUTDOWN_START_WAIT)) {
            finishStartedAtShutdown();
        } else {
            finishUnstartedAtShutdown();
        }
    }

    /**
     * The program ends before sonde's set-up has: no class a pattern selects has run yet (each waits
     * for the set-up), so nothing was timed, and the report says why. Takes no lock: the set-up
     * holds this object's.
     */
    private void finishUnstartedAtShutdown() {
        Config config = startConfig.withMoreWarnings(List.of(STILL_SETTING_UP));
        Log.info(STILL_SETTING_UP);
        List<OperationSnapshot> cumulative = recorder.snapshot();
        try {
            Log.info("report written to " + dump.write(config, "shutdown", finalReportFile(config), cumulative,
                    Instant.now()));
        } catch (IOException | RuntimeException e) {
            Log.error(finalReportFailure(config, e));
        }
    }

    private synchronized void finishStartedAtShutdown() {
        Installation last = installation;
        if (last == null) {
            return;
        }
        // The collector gets its last push while the report is written, within the same time bound.
        long otlpDeadline = System.nanoTime() + OTLP_SHUTDOWN_WAIT.toNanos();
        if (otlp != null) {
            otlp.beginLastPush();
        }
        List<OperationSnapshot> cumulative = recorder.snapshot();
        Instant takenAt = Instant.now();
        last.finish(cumulative, takenAt);
        try {
            Log.info("report written to " + writeFinalReport(last, "shutdown", cumulative, takenAt));
        } catch (IOException | RuntimeException e) {
            Log.error(finalReportFailure(last.config(), e));
        }
        if (otlp != null) {
            otlp.awaitLastPush(otlpDeadline);
        }
    }

    private Path writeFinalReport(Installation last, String trigger, List<OperationSnapshot> cumulative,
                                  Instant takenAt) throws IOException {
        Config config = last.config().withMoreWarnings(unmatchedPatternWarnings(last));
        return dump.write(config, trigger, finalReportFile(config), cumulative, takenAt);
    }

    /**
     * An include that timed nothing in the whole run is most likely a typo, or an exclude that is too
     * wide: said in the final report and, with what to check, on stderr.
     */
    private static List<String> unmatchedPatternWarnings(Installation last) {
        List<String> warnings = new ArrayList<>();
        for (UntimedInclude include : last.instrumenter().untimedIncludes()) {
            Log.error(include.warning() + "; " + include.hint());
            warnings.add(include.warning());
        }
        return warnings;
    }

    /** The one line for a final report that could not be written (said once, as an error). */
    private String finalReportFailure(Config config, Exception e) {
        Path file = finalReportFile(config);
        return "could not write the report to " + file + ": "
                + (e instanceof IOException ? WriteProblem.describe(file, (IOException) e) : Log.describe(e));
    }

    private Path finalReportFile(Config config) {
        return config.out().resolve(ReportFileNames.shutdown(pid(), recordingStart));
    }

    /** Looked up when a file is named, never in premain: {@code ProcessHandle}'s first use costs some 10 ms. */
    private static long pid() {
        return ProcessHandle.current().pid();
    }

    /**
     * An on-demand flame graph (the {@code profile} command, the MBean); blocks for its duration
     * without holding this object's lock, so dumps and other requests go on meanwhile.
     */
    String profile(ProfileEvent event, ProfileFormat format, Path file, Duration duration,
                   List<SlowCallRule> slowCalls) {
        Installation current = installation;
        if (current == null || !onDemandProfiles.begin()) {
            return error("sonde was detached from this JVM");
        }
        try {
            List<ProfileRecord> written = current.profiling().profileNow(event, format, file, duration, slowCalls);
            Log.info("on-demand flame graph written to " + written.get(0).file());
            StringBuilder answer = new StringBuilder();
            written.forEach(record -> answer.append(answer.length() == 0 ? "" : "\n").append(record.line()));
            return ok(answer.toString());
        } catch (ProfilerUnavailableException e) {
            Log.error("on-demand profile failed: " + e.getMessage());
            return error(e.getMessage());
        } finally {
            onDemandProfiles.end();
        }
    }

    private String describe() {
        Config config = installation.config();
        String timing = config.includes().isEmpty() ? "nothing" : config.includes().toString();
        return "timing " + timing + "; report at exit: " + finalReportFile(config);
    }

    /** The current configuration, for the MBean's attributes (which go away with detach). */
    Config config() {
        Installation current = installation;
        if (current == null) {
            throw new IllegalStateException("sonde was detached from this JVM");
        }
        return current.config();
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

    long intervalWindowsWritten() {
        Installation current = installation;
        return current == null ? 0 : current.intervalWindowsWritten();
    }
}
