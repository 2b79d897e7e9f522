package dev.sonde.bench.overhead;

import java.nio.file.Path;
import java.util.List;

/**
 * One configuration of the overhead benchmark: nothing, sonde with some recording options, JFR
 * method timing, or the OpenTelemetry agent — each timing the same method,
 * {@code bench.monitored.MonitoredTarget#recurse}.
 */
public record Contender(String name, Kind kind, String sondeOptions) {

    /** The method every contender times. */
    static final String TARGET_CLASS = "bench.monitored.MonitoredTarget";
    static final String TARGET_METHOD = "recurse";

    /** JFR's {@code jdk.MethodTiming} event exists from this feature release on. */
    static final int JFR_METHOD_TIMING_SINCE = 25;

    public enum Kind { NONE, CLOCK_FLOOR, SONDE, JFR, OPENTELEMETRY }

    public static final Contender NO_AGENT = new Contender("no agent", Kind.NONE, "");
    /** No agent; the chain timed by hand with two {@code System.nanoTime()} calls per level. */
    public static final Contender CLOCK_FLOOR = new Contender("floor: 2 × System.nanoTime() per call", Kind.CLOCK_FLOOR, "");
    public static final Contender SONDE_TIMING = sonde("sonde timing only", "alloc=off,self=off");
    public static final Contender SONDE_ALLOC = sonde("sonde + alloc", "alloc=on,self=off");
    public static final Contender SONDE_SELF = sonde("sonde + self", "alloc=off,self=on");
    public static final Contender SONDE_FULL = sonde("sonde full (defaults)", "");
    /** Loaded and started, but the pattern matches nothing: the cost of sonde being present. */
    public static final Contender SONDE_UNMATCHED = new Contender("sonde, method not matched", Kind.SONDE,
            "include=bench.monitored.Nothing#x");
    public static final Contender JFR = new Contender("JFR method timing", Kind.JFR, "");
    public static final Contender OPENTELEMETRY = new Contender("OpenTelemetry agent", Kind.OPENTELEMETRY, "");

    /** In the order they run and appear in tables; the baseline first. */
    public static final List<Contender> ALL = List.of(NO_AGENT, CLOCK_FLOOR, SONDE_TIMING, SONDE_ALLOC, SONDE_SELF, SONDE_FULL,
            SONDE_UNMATCHED, JFR, OPENTELEMETRY);

    private static Contender sonde(String name, String options) {
        return new Contender(name, Kind.SONDE, "include=" + TARGET_CLASS + "#" + TARGET_METHOD
                + (options.isEmpty() ? "" : "," + options));
    }

    /** Whether this contender times the target method with a tool (not the baseline, the floor or the unmatched one). */
    boolean timesTarget() {
        return kind != Kind.NONE && kind != Kind.CLOCK_FLOOR && this != SONDE_UNMATCHED;
    }

    /** The method of {@code RecursiveCallBenchmark} this contender runs. */
    String benchmarkMethod() {
        return kind == Kind.CLOCK_FLOOR ? "clockFloor" : "recursiveCall";
    }

    /** The JVM options that put this contender in a forked JVM, writing whatever it writes to {@code out}. */
    List<String> jvmArgs(Tools tools, Path out) {
        switch (kind) {
            case SONDE:
                return List.of("-javaagent:" + tools.sondeAgent() + "=" + sondeOptions + ",log=quiet,out=" + out);
            case JFR:
                return List.of("-XX:StartFlightRecording:settings=" + tools.methodTimingJfc()
                        + ",filename=" + out.resolve("method-timing-%p.jfr"));
            case OPENTELEMETRY:
                return List.of("-javaagent:" + tools.openTelemetryAgent(),
                        "-Dotel.instrumentation.methods.include=" + TARGET_CLASS + "[" + TARGET_METHOD + "]",
                        "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none");
            default:
                return List.of();
        }
    }

    /** The jar files and settings contenders are loaded from. */
    public record Tools(Path sondeAgent, Path openTelemetryAgent, Path methodTimingJfc) {
    }
}
