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
    public List<OperationReport> operations = new ArrayList<>();
    public Rankings rankings;
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

    /** Operation names, best first, per criterion. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Rankings {
        public List<String> byTotalTime;
        public List<String> byP99;
        public List<String> bySelfTime;
        public List<String> byAllocBytes;
        public List<String> byCount;
    }

    /** What the cardinality cap turned away. */
    public static final class Dropped {
        public long operations;
    }
}
