package dev.sonde.report.view;

import dev.sonde.report.OperationReport;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code report --by} ranks operations by, highest first. Operations without the figure (no
 * self time or allocation recorded for them) come last; ties go by name.
 */
public enum OperationOrder {
    TOTAL("total", "total time", o -> OptionalLong.of(o.latencyNs.total)),
    P99("p99", "p99 latency", o -> OptionalLong.of(o.latencyNs.p99)),
    P95("p95", "p95 latency", o -> OptionalLong.of(o.latencyNs.p95)),
    P50("p50", "p50 latency", o -> OptionalLong.of(o.latencyNs.p50)),
    MEAN("mean", "mean latency", o -> OptionalLong.of(o.latencyNs.mean)),
    SELF("self", "total self time", o -> o.selfNs == null ? OptionalLong.empty() : OptionalLong.of(o.selfNs.total)),
    ALLOC("alloc", "total bytes allocated", o -> o.allocBytes == null ? OptionalLong.empty() : OptionalLong.of(o.allocBytes.total)),
    COUNT("count", "calls", o -> OptionalLong.of(o.count)),
    ERRORS("errors", "errors", o -> OptionalLong.of(o.errors));

    private final String key;
    private final String description;
    private final Function<OperationReport, OptionalLong> figure;

    OperationOrder(String key, String description, Function<OperationReport, OptionalLong> figure) {
        this.key = key;
        this.description = description;
        this.figure = figure;
    }

    /** The word for {@code --by}. */
    public String key() {
        return key;
    }

    /** What it ranks by, for headings: "p99 latency". */
    public String description() {
        return description;
    }

    /** The figure this order ranks by, or empty when the operation does not have it. */
    public OptionalLong figure(OperationReport operation) {
        return figure.apply(operation);
    }

    /** Highest figure first, operations without it last, ties by name. */
    public Comparator<OperationReport> comparator() {
        return Comparator.<OperationReport>comparingLong(o -> figure(o).isPresent() ? 0 : 1)
                .thenComparing(Comparator.<OperationReport>comparingLong(o -> figure(o).orElse(0)).reversed())
                .thenComparing(o -> o.name);
    }

    /** The order named {@code key} ({@code total}, {@code p99}, ...). */
    public static Optional<OperationOrder> named(String key) {
        return Arrays.stream(values()).filter(o -> o.key.equals(key.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The keys, for usage texts: {@code total|p99|...}. */
    public static String keys() {
        return Arrays.stream(values()).map(OperationOrder::key).collect(Collectors.joining("|"));
    }
}
