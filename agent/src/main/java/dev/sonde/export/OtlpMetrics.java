package dev.sonde.export;

import dev.sonde.record.OperationCounts;
import dev.sonde.record.RecordedValues;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramBuckets;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableExponentialHistogramData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableLongPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableMetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSumData;
import io.opentelemetry.sdk.resources.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * sonde's figures as OpenTelemetry metric data, made at each push from a cumulative read of the
 * recorder ({@link dev.sonde.record.ThreadLocalRecorder#counts}), under the names and attributes
 * of the Prometheus export (a collector that turns them into Prometheus series gives the same
 * ones): exponential histograms for durations and allocated bytes, on the grids of the Prometheus
 * native histograms, monotonic sums for the counters, all {@link AggregationTemporality#CUMULATIVE}
 * from the recording's start, so values never go backwards and a push that was lost costs nothing
 * the next one does not carry. Not thread-safe: one push at a time ({@link OtlpPush}).
 */
final class OtlpMetrics {

    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("operation");
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");
    private static final AttributeKey<String> STATUS_CLASS = AttributeKey.stringKey("status_class");
    private static final double NANOS_TO_SECONDS = 1e-9;
    /** The grids of the Prometheus native histograms, so that both exports agree. */
    private static final ExponentialGrid DURATIONS = HistogramGrids.DURATIONS.fine();
    private static final ExponentialGrid ALLOCATED_BYTES = HistogramGrids.ALLOCATED_BYTES.fine();

    /** The HdrHistogram regrouped on the grid, kept while an operation's count stands still. */
    private static final class Buckets {
        final HdrBuckets fine;
        final ExponentialHistogramBuckets positive;

        Buckets(HdrBuckets fine, ExponentialGrid grid) {
            this.fine = fine;
            this.positive = ExponentialPoint.positive(fine, grid);
        }
    }

    private final Resource resource;
    private final InstrumentationScopeInfo scope;
    private final long startNanos;
    private final UnchangedPoints<Buckets> durationBuckets = new UnchangedPoints<>();
    private final UnchangedPoints<Buckets> allocationBuckets = new UnchangedPoints<>();

    /** @param startNanos when recording began, in nanoseconds since the epoch: every point's start */
    OtlpMetrics(Resource resource, String sondeVersion, long startNanos) {
        this.resource = resource;
        this.scope = InstrumentationScopeInfo.builder("sonde").setVersion(sondeVersion).build();
        this.startNanos = startNanos;
    }

    List<MetricData> of(List<OperationCounts> operations, long dropped, long nowNanos) {
        return List.of(durations(operations, nowNanos), errors(operations, nowNanos),
                allocations(operations, nowNanos), responses(operations, nowNanos),
                sum(SondeMetrics.DROPPED, "Operation names past max.operations, counted together as (other)",
                        List.of(ImmutableLongPointData.create(startNanos, nowNanos, Attributes.empty(), dropped))));
    }

    private MetricData durations(List<OperationCounts> operations, long nowNanos) {
        List<ExponentialHistogramPointData> points = new ArrayList<>();
        for (OperationCounts operation : operations) {
            RecordedValues latency = operation.latency();
            Buckets buckets = durationBuckets.of(operation.name(), latency.count(), () -> new Buckets(
                    HdrBuckets.of(latency, NANOS_TO_SECONDS, DURATIONS), DURATIONS));
            points.add(ExponentialPoint.of(buckets.fine, buckets.positive, DURATIONS,
                    latency.total() * NANOS_TO_SECONDS, latency.min() * NANOS_TO_SECONDS,
                    latency.max() * NANOS_TO_SECONDS, startNanos, nowNanos, attributes(operation)));
        }
        return histogram(SondeMetrics.DURATION, "Duration of each call of an operation (timed method, HTTP route,"
                + " SQL statement), since sonde started", "s", points);
    }

    /** Only operations whose allocation was measured: none with {@code alloc=off}. */
    private MetricData allocations(List<OperationCounts> operations, long nowNanos) {
        List<ExponentialHistogramPointData> points = new ArrayList<>();
        for (OperationCounts operation : operations) {
            RecordedValues allocation = operation.allocation();
            if (allocation.count() == 0) {
                continue;
            }
            Buckets buckets = allocationBuckets.of(operation.name(), allocation.count(), () -> new Buckets(
                    HdrBuckets.of(allocation, 1.0, ALLOCATED_BYTES), ALLOCATED_BYTES));
            points.add(ExponentialPoint.of(buckets.fine, buckets.positive, ALLOCATED_BYTES, allocation.total(),
                    Double.NaN, allocation.max(), startNanos, nowNanos, attributes(operation)));
        }
        return histogram(SondeMetrics.ALLOCATED, "Bytes allocated by each call of an operation on its own thread,"
                + " since sonde started", "By", points);
    }

    private MetricData errors(List<OperationCounts> operations, long nowNanos) {
        List<LongPointData> points = new ArrayList<>();
        for (OperationCounts operation : operations) {
            points.add(ImmutableLongPointData.create(startNanos, nowNanos, attributes(operation), operation.errors()));
        }
        return sum(SondeMetrics.ERRORS, "Calls that ended with an exception (HTTP: also status 5xx), since sonde started",
                points);
    }

    /** Per status class of each HTTP route ({@link StatusClasses}). */
    private MetricData responses(List<OperationCounts> operations, long nowNanos) {
        List<LongPointData> points = new ArrayList<>();
        StatusClasses.forEachShown(operations, (operation, statusClass, count) -> points.add(ImmutableLongPointData.create(
                startNanos, nowNanos, Attributes.of(OPERATION, operation.name(), STATUS_CLASS,
                        StatusClasses.label(statusClass)), count)));
        return sum(SondeMetrics.RESPONSES, "HTTP responses of each route by status class, since sonde started", points);
    }

    private MetricData histogram(String name, String description, String unit,
                                 List<ExponentialHistogramPointData> points) {
        return ImmutableMetricData.createExponentialHistogram(resource, scope, name, description, unit,
                ImmutableExponentialHistogramData.create(AggregationTemporality.CUMULATIVE, points));
    }

    private MetricData sum(String name, String description, List<LongPointData> points) {
        return ImmutableMetricData.createLongSum(resource, scope, name, description, "1",
                ImmutableSumData.create(true, AggregationTemporality.CUMULATIVE, points));
    }

    private static Attributes attributes(OperationCounts operation) {
        return Attributes.of(OPERATION, operation.name(), KIND, operation.kind().label());
    }
}
