package dev.sonde.report.diff;

import dev.sonde.report.HistogramCodec;
import dev.sonde.report.OperationReport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * A metric of one operation with its confidence interval, read from the operation's histogram: for
 * a percentile, the calls at the ranks {@link OrderStatistics} names (no assumption about the
 * distribution); for a mean, the mean plus or minus z standard errors.
 */
final class MetricEstimator {

    /**
     * Below this many calls the standard error of a mean is itself too uncertain for a z interval
     * (and latency means are skewed): the mean gets no interval.
     */
    static final long MIN_CALLS_FOR_MEAN = 30;

    private final Confidence confidence;

    /**
     * Every metric of an operation reads the same histogram, base's and current's in turn: the last
     * two decoded are kept, so each is decoded once per operation rather than once per metric.
     */
    private final Map<String, SortedCalls> recentlyDecoded = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SortedCalls> eldest) {
            return size() > 2;
        }
    };

    MetricEstimator(Confidence confidence) {
        this.confidence = confidence;
    }

    Confidence confidence() {
        return confidence;
    }

    MetricEstimate estimate(Metric metric, OperationReport operation) {
        long value = metric.of(operation).orElse(0);
        String encoded = metric.histogramOf(operation);
        if (encoded == null) {
            return MetricEstimate.unbounded(value, operation.count, "no histogram in the report to bound " + metric.key());
        }
        SortedCalls histogram;
        try {
            histogram = decoded(encoded);
        } catch (DataFormatException | RuntimeException e) {
            return MetricEstimate.unbounded(value, operation.count, "the histogram of " + metric.key() + " cannot be decoded");
        }
        return estimate(metric, histogram, value, exactMax(metric, operation));
    }

    private SortedCalls decoded(String encoded) throws DataFormatException {
        SortedCalls calls = recentlyDecoded.get(encoded);
        if (calls == null) {
            calls = SortedCalls.of(HistogramCodec.decode(encoded));
            recentlyDecoded.put(encoded, calls);
        }
        return calls;
    }

    /** The estimate from a histogram's calls and the reported figure; {@code max} caps the bucket rounding. */
    MetricEstimate estimate(Metric metric, SortedCalls histogram, long value, long max) {
        long calls = histogram.calls();
        return metric.isQuantile() ? quantile(metric, histogram, value, max, calls) : mean(metric, histogram, value, calls);
    }

    private MetricEstimate quantile(Metric metric, SortedCalls histogram, long value, long max, long calls) {
        OrderStatistics.Ranks ranks = OrderStatistics.ranks(calls, metric.quantile(), confidence);
        if (!ranks.hasUpper(calls)) {
            return MetricEstimate.unbounded(value, calls, needs(metric));
        }
        long lower = ranks.lower == 0 ? 0 : Math.min(histogram.valueAtRank(ranks.lower), max);
        long upper = Math.min(histogram.valueAtRank(ranks.upper), max);
        return MetricEstimate.bounded(value, lower, upper, calls);
    }

    private MetricEstimate mean(Metric metric, SortedCalls histogram, long value, long calls) {
        if (calls < MIN_CALLS_FOR_MEAN) {
            return MetricEstimate.unbounded(value, calls, metric.key() + " needs ≥ " + MIN_CALLS_FOR_MEAN + " calls, has " + calls);
        }
        double halfWidth = confidence.z() * histogram.standardDeviation() / Math.sqrt(calls);
        return MetricEstimate.bounded(value, Math.max(0, (long) Math.floor(value - halfWidth)),
                (long) Math.ceil(value + halfWidth), calls);
    }

    /** {@code p99 needs ≥ 555 calls at 95%} (the maximum: no number of calls bounds it). */
    String needs(Metric metric) {
        long calls = OrderStatistics.callsForUpperBound(metric.quantile(), confidence);
        return calls == Long.MAX_VALUE ? metric.key() + " is a single call: no interval bounds it from above"
                : metric.key() + " needs ≥ " + calls + " calls at " + confidence.text();
    }

    private static long exactMax(Metric metric, OperationReport operation) {
        if (metric == Metric.ALLOC) {
            return operation.allocBytes == null ? Long.MAX_VALUE : operation.allocBytes.max;
        }
        return operation.latencyNs == null ? Long.MAX_VALUE : operation.latencyNs.max;
    }
}
