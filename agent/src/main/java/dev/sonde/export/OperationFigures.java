package dev.sonde.export;

import dev.sonde.record.OperationCounts;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the Prometheus export keeps of one operation's figures ({@link OperationCounts}) until the
 * operation is called again: its counter points, and its durations and allocated bytes regrouped
 * on their native grids ({@link HistogramGrids}), from which each kind of scrape's histogram point
 * is made once ({@link HistogramParts}). Small: some tens of buckets. Safe for concurrent scrapes.
 */
final class OperationFigures {

    private static final double NANOS_TO_SECONDS = 1e-9;

    private final long calls;
    private final OperationLabels labels;
    private final CounterDataPointSnapshot errors;
    private final List<CounterDataPointSnapshot> responses = new ArrayList<>();
    private final HdrBuckets durations;
    private final double durationSum;
    /** Null when no call's allocation was measured ({@code alloc=off}). */
    private final HdrBuckets allocations;
    private final double allocationSum;
    private final Map<HistogramParts, HistogramDataPointSnapshot> durationPoints = new EnumMap<>(HistogramParts.class);
    private final Map<HistogramParts, HistogramDataPointSnapshot> allocationPoints = new EnumMap<>(HistogramParts.class);

    private OperationFigures(OperationCounts operation, OperationLabels labels) {
        calls = operation.calls();
        this.labels = labels;
        errors = counter(operation.errors(), labels.operation());
        StatusClasses.forEachShown(List.of(operation), (route, statusClass, count) ->
                responses.add(counter(count, labels.statusClass(statusClass))));
        durations = HdrBuckets.of(operation.latency(), NANOS_TO_SECONDS, HistogramGrids.DURATIONS.fine());
        durationSum = operation.latency().total() * NANOS_TO_SECONDS;
        allocations = operation.allocation().count() > 0
                ? HdrBuckets.of(operation.allocation(), 1.0, HistogramGrids.ALLOCATED_BYTES.fine()) : null;
        allocationSum = operation.allocation().total();
    }

    /** @param before the figures of the operation's last read, or null */
    static OperationFigures of(OperationCounts operation, OperationFigures before) {
        return new OperationFigures(operation, before != null ? before.labels : new OperationLabels(operation));
    }

    /** The calls and cancellations of the read these figures were made from. */
    long calls() {
        return calls;
    }

    CounterDataPointSnapshot errors() {
        return errors;
    }

    /** Per status class, for HTTP routes and outbound calls; none for other operations. */
    List<CounterDataPointSnapshot> responses() {
        return responses;
    }

    synchronized HistogramDataPointSnapshot durations(HistogramParts parts) {
        return durationPoints.computeIfAbsent(parts,
                p -> HistogramPoint.of(durations, HistogramGrids.DURATIONS, durationSum, labels.operation(), p));
    }

    boolean hasAllocations() {
        return allocations != null;
    }

    synchronized HistogramDataPointSnapshot allocations(HistogramParts parts) {
        return allocationPoints.computeIfAbsent(parts,
                p -> HistogramPoint.of(allocations, HistogramGrids.ALLOCATED_BYTES, allocationSum,
                        labels.operation(), p));
    }

    static CounterDataPointSnapshot counter(long value, Labels labels) {
        return new CounterDataPointSnapshot(value, labels, null, 0L);
    }
}
