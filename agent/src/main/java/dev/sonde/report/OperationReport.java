package dev.sonde.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One operation in a {@link Report}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OperationReport {

    public String name;
    public String kind;
    public long count;
    public long errors;
    /**
     * Asynchronous calls whose result was cancelled (see docs/configuration.md, {@code async}): not
     * in {@code count}, {@code errors} or any figure; absent when none.
     */
    public Long cancelled;
    public double throughputPerSec;
    public LatencySummary latencyNs;
    /** Time not spent in instrumented callees on the same thread; absent when self time is off. */
    public SelfSummary selfNs;
    /** Bytes allocated by the calling thread during the call; absent when allocation recording is off. */
    public AllocationSummary allocBytes;
    /** For {@code kind: "http"}: the route and the responses by status class. */
    public HttpSummary http;
    /** For a SQL statement ({@code kind: "sql"}): its normalised text and short form; absent otherwise. */
    public SqlSummary sql;

    /** Latency in nanoseconds; percentiles from the histogram, {@code total}, {@code min}, {@code max} exact. */
    public static final class LatencySummary {
        public long total;
        public long mean;
        public long min;
        public long p50;
        public long p90;
        public long p95;
        public long p99;
        public long p999;
        public long max;
        /** The HdrHistogram in its standard compressed, base64 form. */
        public String histogram;
    }

    /** Self time in nanoseconds. */
    public static final class SelfSummary {
        public long total;
        public long mean;
        public long p50;
        public long p99;
        public String histogram;
    }

    /** Allocated bytes per call; calls where the JVM could not tell are counted in {@code unavailable}. */
    public static final class AllocationSummary {
        public long total;
        public long mean;
        public long p50;
        public long p99;
        public long max;
        public long unavailable;
        public String histogram;
    }

    /**
     * A SQL statement: {@code text}, the whole normalised statement (literals replaced by {@code ?};
     * the operation's name is this text, cut at 200 characters), and {@code summary}, its verb and main
     * table ({@code SELECT owners}), which tables show.
     */
    public static final class SqlSummary {
        public String text;
        public String summary;
    }

    /**
     * An HTTP route: method, route template, and counts by status class ({@code 2xx}...{@code 5xx});
     * for an outbound call ({@code kind: "http-client"}) also the server called, {@code host:port}.
     */
    public static final class HttpSummary {
        public String method;
        public String route;
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public String host;
        public java.util.Map<String, Long> status = new java.util.TreeMap<>();
    }
}
