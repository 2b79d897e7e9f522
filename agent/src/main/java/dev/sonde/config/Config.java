package dev.sonde.config;

import dev.sonde.bootstrap.Log;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The agent's configuration after all sources were merged and checked. Immutable. */
public final class Config {

    public static final int DEFAULT_MAX_OPERATIONS = 2000;
    public static final String DEFAULT_OUT = "sonde-out";
    public static final int DEFAULT_KEEP = 100;

    private final List<MethodPattern> includes;
    private final List<MethodPattern> excludes;
    private final Path out;
    private final int maxOperations;
    private final Log.Level logLevel;
    private final boolean allocation;
    private final boolean selfTime;
    private final boolean http;
    private final boolean jdbc;
    private final boolean httpClient;
    private final boolean async;
    private final Duration interval;
    private final int keep;
    private final List<String> warnings;
    private final ProfilingConfig profiling;
    private final ListenAddress prometheus;
    private final PrometheusClassic prometheusClassic;
    private final OtlpSettings otlp;

    Config(List<MethodPattern> includes, List<MethodPattern> excludes, Path out, int maxOperations,
           Log.Level logLevel, boolean allocation, boolean selfTime, boolean http, boolean jdbc, boolean httpClient, boolean async, Duration interval, int keep,
           ProfilingConfig profiling, ListenAddress prometheus, PrometheusClassic prometheusClassic, OtlpSettings otlp,
           List<String> warnings) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.out = out;
        this.maxOperations = maxOperations;
        this.logLevel = logLevel;
        this.allocation = allocation;
        this.selfTime = selfTime;
        this.http = http;
        this.jdbc = jdbc;
        this.httpClient = httpClient;
        this.async = async;
        this.profiling = profiling;
        this.prometheus = prometheus;
        this.prometheusClassic = prometheusClassic;
        this.otlp = otlp;
        this.interval = interval;
        this.keep = keep;
        this.warnings = List.copyOf(warnings);
    }

    public List<MethodPattern> includes() {
        return includes;
    }

    public List<MethodPattern> excludes() {
        return excludes;
    }

    /** Directory the reports go to. */
    public Path out() {
        return out;
    }

    public int maxOperations() {
        return maxOperations;
    }

    public Log.Level logLevel() {
        return logLevel;
    }

    /** Whether bytes allocated per call are recorded ({@code alloc=on}). */
    public boolean allocation() {
        return allocation;
    }

    /** Whether self time is recorded ({@code self=on}). */
    public boolean selfTime() {
        return selfTime;
    }

    /** The flame graph settings ({@code profile*} keys). */
    public ProfilingConfig profiling() {
        return profiling;
    }

    /** Whether JDBC statements and {@code DataSource} connections are timed as operations ({@code jdbc=on}). */
    public boolean jdbc() {
        return jdbc;
    }

    /** Whether outbound HTTP calls are timed as operations ({@code http.client=on}). */
    public boolean httpClient() {
        return httpClient;
    }

    /** Whether HTTP requests are timed as operations ({@code http=on}). */
    public boolean http() {
        return http;
    }

    /**
     * Whether a method returning a {@code CompletionStage} is timed until that result completes
     * ({@code async=on}), not until it returns.
     */
    public boolean async() {
        return async;
    }

    /** Where {@code /metrics} is served to Prometheus ({@code prometheus=}); null when off. */
    public ListenAddress prometheus() {
        return prometheus;
    }

    /** Which scrapes carry classic buckets ({@code prometheus.classic}). */
    public PrometheusClassic prometheusClassic() {
        return prometheusClassic;
    }

    /** Where and how figures are pushed over OTLP ({@code otlp=}); null when off. */
    public OtlpSettings otlp() {
        return otlp;
    }

    /** Length of an interval window; {@link Duration#ZERO} when interval reports are off. */
    public Duration interval() {
        return interval;
    }

    /** How many interval reports are kept on disk (the newest). */
    public int keep() {
        return keep;
    }

    /** What was accepted with a warning (unknown keys...), also written into reports. */
    public List<String> warnings() {
        return warnings;
    }

    /** This configuration with more warnings for the reports (found while running). */
    public Config withMoreWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Config(includes, excludes, out, maxOperations, logLevel, allocation, selfTime, http, jdbc, httpClient, async, interval, keep,
                profiling, prometheus, prometheusClassic, otlp, all);
    }

    public Config withOut(Path newOut) {
        return new Config(includes, excludes, newOut, maxOperations, logLevel, allocation, selfTime, http, jdbc, httpClient, async, interval, keep,
                profiling, prometheus, prometheusClassic, otlp, warnings);
    }
}
