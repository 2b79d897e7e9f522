package dev.sonde.config;

import dev.sonde.bootstrap.Log;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The agent's configuration after all sources were merged and checked. Immutable. */
public final class Config {

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

    private Config(Builder b) {
        this.includes = List.copyOf(b.includes);
        this.excludes = List.copyOf(b.excludes);
        this.out = b.out;
        this.maxOperations = b.maxOperations;
        this.logLevel = b.logLevel;
        this.allocation = b.allocation;
        this.selfTime = b.selfTime;
        this.http = b.http;
        this.jdbc = b.jdbc;
        this.httpClient = b.httpClient;
        this.async = b.async;
        this.interval = b.interval;
        this.keep = b.keep;
        this.profiling = b.profiling;
        this.prometheus = b.prometheus;
        this.prometheusClassic = b.prometheusClassic;
        this.otlp = b.otlp;
        this.warnings = List.copyOf(b.warnings);
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
        Builder copy = toBuilder();
        copy.warnings.addAll(more);
        return copy.build();
    }

    public Config withOut(Path newOut) {
        return toBuilder().out(newOut).build();
    }

    private Builder toBuilder() {
        return new Builder().includes(includes).excludes(excludes).out(out).maxOperations(maxOperations)
                .logLevel(logLevel).allocation(allocation).selfTime(selfTime).http(http).jdbc(jdbc)
                .httpClient(httpClient).async(async).interval(interval).keep(keep).profiling(profiling)
                .prometheus(prometheus).prometheusClassic(prometheusClassic).otlp(otlp).warnings(warnings);
    }

    /**
     * Collects the values of a {@link Config} by name ({@link ConfigLoader} sets every one), so that no
     * call lists eighteen arguments, six of them booleans in a row, by position.
     */
    static final class Builder {
        private List<MethodPattern> includes = List.of();
        private List<MethodPattern> excludes = List.of();
        private Path out;
        private int maxOperations;
        private Log.Level logLevel;
        private boolean allocation;
        private boolean selfTime;
        private boolean http;
        private boolean jdbc;
        private boolean httpClient;
        private boolean async;
        private Duration interval;
        private int keep;
        private ProfilingConfig profiling;
        private ListenAddress prometheus;
        private PrometheusClassic prometheusClassic;
        private OtlpSettings otlp;
        private final List<String> warnings = new ArrayList<>();

        Builder includes(List<MethodPattern> value) {
            includes = value;
            return this;
        }

        Builder excludes(List<MethodPattern> value) {
            excludes = value;
            return this;
        }

        Builder out(Path value) {
            out = value;
            return this;
        }

        Builder maxOperations(int value) {
            maxOperations = value;
            return this;
        }

        Builder logLevel(Log.Level value) {
            logLevel = value;
            return this;
        }

        Builder allocation(boolean value) {
            allocation = value;
            return this;
        }

        Builder selfTime(boolean value) {
            selfTime = value;
            return this;
        }

        Builder http(boolean value) {
            http = value;
            return this;
        }

        Builder jdbc(boolean value) {
            jdbc = value;
            return this;
        }

        Builder httpClient(boolean value) {
            httpClient = value;
            return this;
        }

        Builder async(boolean value) {
            async = value;
            return this;
        }

        Builder interval(Duration value) {
            interval = value;
            return this;
        }

        Builder keep(int value) {
            keep = value;
            return this;
        }

        Builder profiling(ProfilingConfig value) {
            profiling = value;
            return this;
        }

        Builder prometheus(ListenAddress value) {
            prometheus = value;
            return this;
        }

        Builder prometheusClassic(PrometheusClassic value) {
            prometheusClassic = value;
            return this;
        }

        Builder otlp(OtlpSettings value) {
            otlp = value;
            return this;
        }

        Builder warnings(List<String> value) {
            warnings.addAll(value);
            return this;
        }

        Config build() {
            return new Config(this);
        }
    }
}
