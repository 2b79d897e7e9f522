package dev.sonde.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One operation in a {@link Report}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OperationReport {

    public String name;
    public String kind;
    public long count;
    public long errors;
    public double throughputPerSec;
    public LatencySummary latencyNs;

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
}
