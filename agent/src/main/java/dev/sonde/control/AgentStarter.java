package dev.sonde.control;

import dev.sonde.bootstrap.Log;
import dev.sonde.bootstrap.Recorder;
import dev.sonde.config.Config;
import dev.sonde.config.ConfigException;
import dev.sonde.config.ConfigLoader;
import dev.sonde.instrument.Instrumenter;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.RecordingOptions;
import dev.sonde.record.ThreadLocalRecorder;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Starts sonde in this JVM, called once the bootstrap class path holds the recorder API: read the
 * configuration, check what can be checked, install the recorder and the instrumentation, and
 * arrange the shutdown report. Any failure ends in one {@code [sonde]} line and an untouched
 * application.
 */
public final class AgentStarter {

    private AgentStarter() {
    }

    /** Entry point called reflectively by {@code SondeAgent}. */
    public static void start(String arguments, Instrumentation instrumentation, boolean atStartup, File agentJar) {
        try {
            Config config;
            try {
                config = ConfigLoader.fromThisJvm().load(arguments);
            } catch (ConfigException e) {
                Log.error("invalid configuration: " + e.getMessage() + "; sonde is disabled, the application runs normally");
                return;
            }
            Log.setLevel(config.logLevel());
            config.warnings().forEach(Log::error);
            run(config, instrumentation, atStartup);
        } catch (Throwable t) {
            Log.error("not started: " + t + "; the application runs without sonde");
            if (Log.isDebug()) {
                t.printStackTrace();
            }
        }
    }

    private static void run(Config requested, Instrumentation instrumentation, boolean atStartup) {
        Config config = requested.withOut(OutputDirectory.choose(requested.out()));
        if (config.includes().isEmpty()) {
            Log.info("no include= patterns given: no method is timed (example: include=com.acme.**Service#*)");
        }
        OperationRegistry registry = new OperationRegistry(config.maxOperations());
        ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry,
                new RecordingOptions(config.allocation(), config.selfTime()));
        if (!Recorder.installIfAbsent(recorder)) {
            Log.error("sonde is already running in this JVM; this second start is ignored");
            return;
        }
        Instrumenter instrumenter = new Instrumenter(config, registry);
        instrumenter.install(instrumentation);
        Housekeeper.start(recorder);

        Instant start = Instant.now();
        ReportDump dump = new ReportDump(config, registry, recorder, start);
        Path file = config.out().resolve(ReportFileNames.shutdown(ProcessHandle.current().pid(), start));
        ShutdownReport.register(dump, file);
        new AgentControl(config, registry, recorder, dump).registerLater();
        Log.info("started" + (atStartup ? "" : " (attached)") + "; timing " + describe(config)
                + "; report at exit: " + file);
    }

    private static String describe(Config config) {
        return config.includes().isEmpty() ? "nothing" : config.includes().toString();
    }
}
