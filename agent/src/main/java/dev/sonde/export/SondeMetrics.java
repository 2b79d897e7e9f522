package dev.sonde.export;

import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.ThreadLocalRecorder;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * sonde's figures as Prometheus metrics, made at each scrape from a cumulative snapshot of the
 * recorder: the same kind of snapshot the final report is made from, read-only, so a scrape moves
 * no report window ({@code dump --reset}, interval reports) and every value is a total since
 * recording began. Counters therefore never go backwards while sonde runs. Labels are the
 * operation's name (a method, or an HTTP route template, never a raw path or query) and its kind;
 * there are at most {@code max.operations} + 1 operations, so the series are bounded too. The
 * histogram points of operations not called since the last scrape are reused, not rebuilt.
 *
 * <p>Each scrape gets the parts of the histograms that its format carries and its scraper keeps
 * ({@link HistogramParts}): classic buckets for text, the native histogram for protobuf.
 */
final class SondeMetrics implements MultiCollector {

    static final String DURATION = "sonde_operation_duration_seconds";
    static final String ERRORS = "sonde_operation_errors";
    static final String ALLOCATED = "sonde_operation_allocated_bytes";
    static final String RESPONSES = "sonde_http_responses";
    static final String DROPPED = "sonde_operations_dropped";

    private static final double NANOS_TO_SECONDS = 1e-9;

    private final ThreadLocalRecorder recorder;
    private final OperationRegistry registry;
    private final HistogramParts.Choice parts;
    private final Map<HistogramParts, UnchangedPoints<HistogramDataPointSnapshot>> durationPoints = pointsByParts();
    private final Map<HistogramParts, UnchangedPoints<HistogramDataPointSnapshot>> allocationPoints = pointsByParts();

    SondeMetrics(ThreadLocalRecorder recorder, OperationRegistry registry, HistogramParts.Choice parts) {
        this.recorder = recorder;
        this.registry = registry;
        this.parts = parts;
    }

    private static Map<HistogramParts, UnchangedPoints<HistogramDataPointSnapshot>> pointsByParts() {
        Map<HistogramParts, UnchangedPoints<HistogramDataPointSnapshot>> points = new EnumMap<>(HistogramParts.class);
        for (HistogramParts parts : HistogramParts.values()) {
            points.put(parts, new UnchangedPoints<>());
        }
        return points;
    }

    @Override
    public MetricSnapshots collect() {
        return collect((PrometheusScrapeRequest) null);
    }

    @Override
    public MetricSnapshots collect(PrometheusScrapeRequest request) {
        HistogramParts scraped = parts.of(request);
        List<OperationSnapshot> operations = recorder.snapshot();
        return MetricSnapshots.of(durations(operations, scraped), errors(operations), allocations(operations, scraped),
                responses(operations), dropped());
    }

    private HistogramSnapshot durations(List<OperationSnapshot> operations, HistogramParts scraped) {
        List<HistogramDataPointSnapshot> points = new ArrayList<>();
        UnchangedPoints<HistogramDataPointSnapshot> last = durationPoints.get(scraped);
        for (OperationSnapshot operation : operations) {
            points.add(last.of(operation.name(), operation.count(), () -> HistogramPoint.of(operation.latency(),
                    NANOS_TO_SECONDS, operation.totalNanos() * NANOS_TO_SECONDS, labels(operation), scraped)));
        }
        return new HistogramSnapshot(new MetricMetadata(DURATION,
                "Duration of each call of an operation (timed method or HTTP route), since sonde started",
                Unit.SECONDS), points);
    }

    private static CounterSnapshot errors(List<OperationSnapshot> operations) {
        List<CounterDataPointSnapshot> points = new ArrayList<>();
        for (OperationSnapshot operation : operations) {
            points.add(counter(operation.errors(), labels(operation)));
        }
        return new CounterSnapshot(new MetricMetadata(ERRORS,
                "Calls that ended with an exception (HTTP: also status 5xx), since sonde started"), points);
    }

    /** Only operations whose allocation was measured: none with {@code alloc=off}. */
    private HistogramSnapshot allocations(List<OperationSnapshot> operations, HistogramParts scraped) {
        List<HistogramDataPointSnapshot> points = new ArrayList<>();
        UnchangedPoints<HistogramDataPointSnapshot> last = allocationPoints.get(scraped);
        for (OperationSnapshot operation : operations) {
            if (operation.allocationCount() > 0) {
                points.add(last.of(operation.name(), operation.allocationCount(), () -> HistogramPoint.of(
                        operation.allocation(), 1.0, operation.allocatedBytesTotal(), labels(operation), scraped)));
            }
        }
        return new HistogramSnapshot(new MetricMetadata(ALLOCATED,
                "Bytes allocated by each call of an operation on its own thread, since sonde started", Unit.BYTES),
                points);
    }

    /** Per status class of each HTTP route and outbound call: 2xx to 5xx always, 1xx once seen (as in the report). */
    private static CounterSnapshot responses(List<OperationSnapshot> operations) {
        List<CounterDataPointSnapshot> points = new ArrayList<>();
        StatusClasses.forEachShown(operations, (operation, statusClass, count) ->
                points.add(counter(count, Labels.of("operation", operation.name(), "status_class", statusClass))));
        return new CounterSnapshot(new MetricMetadata(RESPONSES,
                "HTTP responses of each route by status class, since sonde started"), points);
    }

    private CounterSnapshot dropped() {
        return new CounterSnapshot(new MetricMetadata(DROPPED,
                "Operation names past max.operations, counted together as (other)"),
                List.of(counter(registry.droppedCount(), Labels.EMPTY)));
    }

    private static CounterDataPointSnapshot counter(long value, Labels labels) {
        return new CounterDataPointSnapshot(value, labels, null, 0L);
    }

    private static Labels labels(OperationSnapshot operation) {
        return Labels.of("operation", operation.name(), "kind", operation.kind().label());
    }
}
