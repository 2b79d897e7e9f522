package dev.sonde.control;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.Config;
import dev.sonde.instrument.Instrumenter;
import dev.sonde.instrument.MethodParametersRestorer;
import dev.sonde.instrument.TransformerGate;
import dev.sonde.profile.ProfileLog;
import dev.sonde.profile.Profiling;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.ThreadLocalRecorder;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.time.Instant;
import java.util.List;

/**
 * Everything that one configuration of sonde puts in place: its arguments and {@link Config}, the
 * instrumentation of the classes it selects, its interval series and its profiling. Built complete
 * by {@link #install} and only then published by {@link RunningAgent} (one assignment), so no
 * request ever sees half of one configuration and half of another; {@link #remove} takes it all
 * away again. Not thread-safe: {@link RunningAgent} calls both under its lock.
 */
final class Installation {

    private final String arguments;
    private final Config config;
    private final Instrumenter instrumenter;
    private final ResettableClassFileTransformer transformer;
    /** Null when the configuration asks for no interval reports, or they could not start. */
    private final IntervalReports intervals;
    private final Profiling profiling;

    private Installation(String arguments, Config config, Instrumenter instrumenter,
                         ResettableClassFileTransformer transformer, IntervalReports intervals, Profiling profiling) {
        this.arguments = arguments;
        this.config = config;
        this.instrumenter = instrumenter;
        this.transformer = transformer;
        this.intervals = intervals;
        this.profiling = profiling;
    }

    /** What every installation of one running sonde shares. */
    static final class Parts {
        /** The JVM's. */
        final Instrumentation jvm;
        final TransformerGate gate;
        final MethodParametersRestorer restorer;
        final OperationRegistry registry;
        final ThreadLocalRecorder recorder;
        final ProfileLog profiles;
        /** What installations hand Byte Buddy: see {@link TransformerGate#register}; null until {@link #register}. */
        Instrumentation instrumentation;

        Parts(Instrumentation jvm, TransformerGate gate, MethodParametersRestorer restorer, OperationRegistry registry,
              ThreadLocalRecorder recorder, ProfileLog profiles) {
            this.jvm = jvm;
            this.gate = gate;
            this.restorer = restorer;
            this.registry = registry;
            this.recorder = recorder;
            this.profiles = profiles;
        }

        /**
         * Before the first retransformation. The restorer first, so that it runs before the gate
         * as it ran before Byte Buddy's transformer (see {@link MethodParametersRestorer}).
         */
        void register() {
            if (restorer != null) {
                jvm.addTransformer(restorer, true);
            }
            instrumentation = gate.register(jvm);
        }

        /** After the last retransformation (detach), or when the start failed. */
        void unregister() {
            gate.unregister(jvm);
            if (restorer != null) {
                jvm.removeTransformer(restorer);
            }
        }
    }

    /**
     * Instruments the classes {@code config} selects (loaded ones by retransformation), then starts
     * its interval series (continuing from {@code cumulative}, taken at {@code seriesStart}) and its
     * profiling. If instrumenting fails, nothing of this configuration stays in place and the
     * failure is thrown.
     */
    static Installation install(String arguments, Config config, Parts parts, List<OperationSnapshot> cumulative,
                                Instant seriesStart) {
        Instrumenter instrumenter = new Instrumenter(config, parts.registry, parts.restorer);
        ResettableClassFileTransformer transformer = instrumenter.install(parts.instrumentation);
        IntervalReports intervals = null;
        try {
            intervals = startIntervals(config, parts, cumulative, seriesStart);
            Profiling profiling = new Profiling(config.profiling(), config.out(), parts.recorder, parts.registry,
                    parts.profiles);
            profiling.start();
            return new Installation(arguments, config, instrumenter, transformer, intervals, profiling);
        } catch (RuntimeException | Error e) {
            if (intervals != null) {
                intervals.finish(cumulative, seriesStart);
            }
            transformer.reset(parts.instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            throw e;
        }
    }

    private static IntervalReports startIntervals(Config config, Parts parts, List<OperationSnapshot> cumulative,
                                                  Instant seriesStart) {
        if (config.interval().isZero()) {
            return null;
        }
        IntervalReports intervals = new IntervalReports(config, parts.recorder, parts.registry, parts.profiles,
                cumulative, seriesStart);
        try {
            intervals.start();
            return intervals;
        } catch (IOException | RuntimeException e) {
            Log.error("interval reports are off: cannot write to " + config.out(), e);
            return null;
        }
    }

    /**
     * Stops profiling, ends the interval series with {@code cumulative} and retransforms the
     * instrumented classes back to their own code. Returns false if some class could not be
     * retransformed (said on stderr): it keeps advice that records nothing once sonde stops.
     */
    boolean remove(Instrumentation instrumentation, List<OperationSnapshot> cumulative, Instant takenAt) {
        profiling.stopForShutdown();
        finishIntervals(cumulative, takenAt);
        return uninstrument(instrumentation);
    }

    /** Stops profiling and ends the interval series, leaving the instrumentation (at shutdown). */
    void finish(List<OperationSnapshot> cumulative, Instant takenAt) {
        profiling.stopForShutdown();
        finishIntervals(cumulative, takenAt);
    }

    private void finishIntervals(List<OperationSnapshot> cumulative, Instant takenAt) {
        if (intervals != null) {
            intervals.finish(cumulative, takenAt);
        }
    }

    private boolean uninstrument(Instrumentation instrumentation) {
        try {
            transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            return true;
        } catch (RuntimeException e) {
            Log.error("could not retransform every class back; those left record nothing once sonde stops", e);
            return false;
        }
    }

    String arguments() {
        return arguments;
    }

    Config config() {
        return config;
    }

    Instrumenter instrumenter() {
        return instrumenter;
    }

    Profiling profiling() {
        return profiling;
    }

    long intervalWindowsWritten() {
        return intervals == null ? 0 : intervals.windowsWritten();
    }
}
