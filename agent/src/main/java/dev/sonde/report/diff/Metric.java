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
    P50("p50", o -> OptionalLong.of(o.latencyNs.p50)),
    P90("p90", o -> OptionalLong.of(o.latencyNs.p90)),
    P95("p95", o -> OptionalLong.of(o.latencyNs.p95)),
    P99("p99", o -> OptionalLong.of(o.latencyNs.p99)),
    P999("p999", o -> OptionalLong.of(o.latencyNs.p999)),
    MEAN("mean", o -> OptionalLong.of(o.latencyNs.mean)),
    MAX("max", o -> OptionalLong.of(o.latencyNs.max)),
    /** Bytes allocated per call (mean); absent when allocation was not recorded. */
    ALLOC("alloc", o -> o.allocBytes == null ? OptionalLong.empty() : OptionalLong.of(o.allocBytes.mean));

    private final String key;
    private final Function<OperationReport, OptionalLong> figure;

    Metric(String key, Function<OperationReport, OptionalLong> figure) {
        this.key = key;
        this.figure = figure;
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
