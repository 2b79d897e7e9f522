package dev.sonde.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * A sonde report, schema {@value #SCHEMA} (docs/report-schema.md). Plain data, mapped one to one to
 * JSON; fields that a feature has not filled stay null and are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Report {

    public static final String SCHEMA = "sonde-report/1";

    public String schema = SCHEMA;
    public Agent agent;
    public Jvm jvm;
    public String trigger;
    public Window window;
    /** The JVM's own figures over the same window; absent in reports written before sonde had them. */
    public Runtime runtime;
    public List<OperationReport> operations = new ArrayList<>();
    public Rankings rankings;
    /** Flame graphs taken so far ({@code profile*} keys, the {@code profile} command). */
    public List<Profile> profiles;
    public Dropped dropped;
    public List<String> warnings = new ArrayList<>();

    /** The agent that wrote the report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Agent {
        public String version;
        public List<String> include;
        public List<String> exclude;
    }

    /** The JVM the figures come from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Jvm {
        public long pid;
        public String javaVersion;
        public String mainClass;
        public String host;
    }

    /** The time span the figures cover. */
    public static final class Window {
        public String start;
        public String end;
        public double seconds;
    }

    /**
     * The JVM over the report's window, so that latency drift can be read next to CPU, memory and
     * GC: deltas for CPU and GC, values at the window's end for the rest.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Runtime {
        /** Process CPU time over wall time and all cores, 0-100; absent where the JVM cannot tell. */
        public Double cpuPercent;
        /** Heap in use after the latest collection of each heap pool, summed (0 before any GC). */
        public long heapUsedAfterGcBytes;
        public long heapCommittedBytes;
        /** Collections in the window (stop-the-world collectors; concurrent cycles are not counted). */
        public long gcCount;
        /** Time those collections took in the window, at the JVM's millisecond resolution. */
        public long gcPauseNs;
        /** Live threads at the window's end. */
        public int threads;
        /** Classes loaded at the window's end. */
        public int classesLoaded;
    }

    /** Operation names, best first, per criterion. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Rankings {
        public List<String> byTotalTime;
        public List<String> byP99;
        public List<String> bySelfTime;
        public List<String> byAllocBytes;
        public List<String> byCount;
    }

    /**
     * One flame graph: its file, the event it samples, when it started, how long, and why. A graph
     * of an operation's slow calls, normal calls or their difference ({@code profile.slow}) also
     * says which ({@code operation}, {@code slice}) and what it covers; its {@code file} is absent
     * when there was nothing to draw ({@code note} says why).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Profile {
        public String file;
        public String event;
        public String start;
        public double seconds;
        public String reason;
        public String operation;
        /** slow, normal or diff. */
        public String slice;
        /** The profile.slow rule, e.g. {@code GET /api/orders>p99}. */
        public String rule;
        /** Calls longer than this were slow (the rule's percentile resolved when the profile ended). */
        public Long thresholdNs;
        /** Calls of the slice that at least one sample fell into. */
        public Long calls;
        /** Calls of the slice during the profile, sampled or not. */
        public Long callsMade;
        public Long samples;
        /** Calls past the capacity of the call windows, in no slice; absent when none. */
        public Long callsLeftOut;
        /** Why the graph is absent or says little (fewer than 100 samples). */
        public String note;
    }

    /** What the cardinality cap turned away. */
    public static final class Dropped {
        public long operations;
    }
}
