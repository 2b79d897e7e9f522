package dev.sonde.export;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationCounts;
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
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * sonde's figures as Prometheus metrics, made at each scrape from cumulative reads of the
 * recorder ({@link ThreadLocalRecorder#countsOfChanged}), as consistent as the snapshot the final
 * report is made from, and read-only, so a scrape moves no report window ({@code dump --reset},
 * interval reports) and every value is a total since recording began. Counters therefore never go
 * backwards while sonde runs. Labels are the
 * operation's name (a method, or an HTTP route template, never a raw path or query) and its kind;
 * there are at most {@code max.operations} + 1 operations, so the series are bounded too.
 *
 * <p>Only the operations called since the last scrape are read again; of the others, the
 * figures kept from then ({@link OperationFigures}) are shown as they are. Each scrape gets the parts
 * of the histograms that its format carries and its scraper keeps ({@link HistogramParts}):
 * classic buckets for text, the native histogram for protobuf.
 */
final class SondeMetrics implements MultiCollector {

    static final String DURATION = "sonde_operation_duration_seconds";
    static final String ERRORS = "sonde_operation_errors";
    static final String ALLOCATED = "sonde_operation_allocated_bytes";
    static final String RESPONSES = "sonde_http_responses";
    static final String DROPPED = "sonde_operations_dropped";

    private final ThreadLocalRecorder recorder;
    private final OperationRegistry registry;
    private final HistogramParts.Choice parts;
    /**
     * By kind and name, the order of their labels, which the library sorts each metric's points in:
     * sorting what is sorted already is cheap. Bounded like the operations ({@code max.operations} + 1).
     */
    private final ConcurrentNavigableMap<String, OperationFigures> figures = new ConcurrentSkipListMap<>();

    SondeMetrics(ThreadLocalRecorder recorder, OperationRegistry registry, HistogramParts.Choice parts) {
        this.recorder = recorder;
        this.registry = registry;
        this.parts = parts;
    }

    @Override
    public MetricSnapshots collect() {
        return collect((PrometheusScrapeRequest) null);
    }

    @Override
    public MetricSnapshots collect(PrometheusScrapeRequest request) {
        HistogramParts scraped = parts.of(request);
        for (OperationCounts changed : recorder.countsOfChanged(this::callsSeen)) {
            String key = key(changed.kind(), changed.name());
            // Of two scrapes at once, the later read stays: counters never go back.
            figures.merge(key, OperationFigures.of(changed, figures.get(key)),
                    (kept, made) -> made.calls() >= kept.calls() ? made : kept);
        }
        Collection<OperationFigures> operations = figures.values();
        return MetricSnapshots.of(durations(operations, scraped), errors(operations), allocations(operations, scraped),
                responses(operations), dropped());
    }

    private long callsSeen(OperationKind kind, String operation) {
        OperationFigures seen = figures.get(key(kind, operation));
        return seen == null ? 0 : seen.calls();
    }

    /** Compares as the labels {@code kind}, {@code operation} do. */
    private static String key(OperationKind kind, String operation) {
        return kind.label() + '\0' + operation;
    }

    private static HistogramSnapshot durations(Collection<OperationFigures> operations, HistogramParts scraped) {
        List<HistogramDataPointSnapshot> points = new ArrayList<>();
        for (OperationFigures operation : operations) {
            points.add(operation.durations(scraped));
        }
        return new HistogramSnapshot(new MetricMetadata(DURATION,
                "Duration of each call of an operation (timed method or HTTP route), since sonde started",
                Unit.SECONDS), points);
    }

    private static CounterSnapshot errors(Collection<OperationFigures> operations) {
        List<CounterDataPointSnapshot> points = new ArrayList<>();
        for (OperationFigures operation : operations) {
            points.add(operation.errors());
        }
        return new CounterSnapshot(new MetricMetadata(ERRORS,
                "Calls that ended with an exception (HTTP: also status 5xx), since sonde started"), points);
    }

    /** Only operations whose allocation was measured: none with {@code alloc=off}. */
    private static HistogramSnapshot allocations(Collection<OperationFigures> operations, HistogramParts scraped) {
        List<HistogramDataPointSnapshot> points = new ArrayList<>();
        for (OperationFigures operation : operations) {
            if (operation.hasAllocations()) {
                points.add(operation.allocations(scraped));
            }
        }
        return new HistogramSnapshot(new MetricMetadata(ALLOCATED,
                "Bytes allocated by each call of an operation on its own thread, since sonde started", Unit.BYTES),
                points);
    }

    /** Per status class of each HTTP route and outbound call: 2xx to 5xx always, 1xx once seen (as in the report). */
    private static CounterSnapshot responses(Collection<OperationFigures> operations) {
        List<CounterDataPointSnapshot> points = new ArrayList<>();
        for (OperationFigures operation : operations) {
            points.addAll(operation.responses());
        }
        return new CounterSnapshot(new MetricMetadata(RESPONSES,
                "HTTP responses of each route by status class, since sonde started"), points);
    }

    private CounterSnapshot dropped() {
        return new CounterSnapshot(new MetricMetadata(DROPPED,
                "Operation names past max.operations, counted together as (other)"),
                List.of(OperationFigures.counter(registry.droppedCount(), Labels.EMPTY)));
    }
}
