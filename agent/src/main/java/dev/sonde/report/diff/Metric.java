package dev.sonde.report.diff;

import dev.sonde.report.OperationReport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A figure {@code diff} compares between two runs of an operation. */
public enum Metric {
    P50("p50", 0.50, o -> OptionalLong.of(o.latencyNs.p50), Metric::latencyHistogram),
    P90("p90", 0.90, o -> OptionalLong.of(o.latencyNs.p90), Metric::latencyHistogram),
    P95("p95", 0.95, o -> OptionalLong.of(o.latencyNs.p95), Metric::latencyHistogram),
    P99("p99", 0.99, o -> OptionalLong.of(o.latencyNs.p99), Metric::latencyHistogram),
    P999("p999", 0.999, o -> OptionalLong.of(o.latencyNs.p999), Metric::latencyHistogram),
    MEAN("mean", Double.NaN, o -> OptionalLong.of(o.latencyNs.mean), Metric::latencyHistogram),
    /** The slowest call: a quantile of 1, which no number of calls bounds from above. */
    MAX("max", 1.0, o -> OptionalLong.of(o.latencyNs.max), Metric::latencyHistogram),
    /** Bytes allocated per call (mean); absent when allocation was not recorded. */
    ALLOC("alloc", Double.NaN, o -> o.allocBytes == null ? OptionalLong.empty() : OptionalLong.of(o.allocBytes.mean),
            o -> o.allocBytes == null ? null : o.allocBytes.histogram);

    private final String key;
    private final double quantile;
    private final Function<OperationReport, OptionalLong> figure;
    private final Function<OperationReport, String> histogram;

    Metric(String key, double quantile, Function<OperationReport, OptionalLong> figure,
           Function<OperationReport, String> histogram) {
        this.key = key;
        this.quantile = quantile;
        this.figure = figure;
        this.histogram = histogram;
    }

    private static String latencyHistogram(OperationReport operation) {
        return operation.latencyNs == null ? null : operation.latencyNs.histogram;
    }

    /** True for the percentiles (and max), false for the means. */
    public boolean isQuantile() {
        return !Double.isNaN(quantile);
    }

    /** The quantile, 0.5 for p50 and 1 for max; NaN for a mean. */
    public double quantile() {
        return quantile;
    }

    /** The encoded histogram this figure was read from, or null when the report has none. */
    String histogramOf(OperationReport operation) {
        return histogram.apply(operation);
    }

    /** The word for {@code --metric}. */
    public String key() {
        return key;
    }

    /** True for bytes, false for nanoseconds. */
    public boolean isBytes() {
        return this == ALLOC;
    }

    /** The operation's figure, or empty when its report does not have it. */
    public OptionalLong of(OperationReport operation) {
        return figure.apply(operation);
    }

    public static Optional<Metric> named(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The keys, for usage texts: {@code p50|p90|...}. */
    public static String keys() {
        return Arrays.stream(values()).map(Metric::key).collect(Collectors.joining("|"));
    }
}
