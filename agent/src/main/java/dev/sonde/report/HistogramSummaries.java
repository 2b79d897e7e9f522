package dev.sonde.report;

import org.HdrHistogram.Histogram;

/**
 * The summary sections of an operation ({@code latencyNs}, {@code selfNs}, {@code allocBytes}) from a
 * histogram plus the figures a histogram cannot hold exactly (total, min, max). Follows the rules of
 * docs/report-schema.md: percentiles read from the histogram, capped at the exact {@code max} where
 * one is known; {@code mean} is the exact total divided by the calls measured, rounded down.
 *
 * <p>Used by {@link ReportBuilder} (from snapshots) and {@link ReportMerger} (from merged histograms).
 */
public final class HistogramSummaries {

    private HistogramSummaries() {
    }

    /** Latency of {@code histogram.getTotalCount()} calls, with the exact total, min and max. */
    public static OperationReport.LatencySummary latency(Histogram histogram, long total, long min, long max) {
        OperationReport.LatencySummary latency = new OperationReport.LatencySummary();
        latency.total = total;
        latency.mean = mean(total, histogram.getTotalCount());
        latency.min = min;
        latency.p50 = capped(histogram, 50, max);
        latency.p90 = capped(histogram, 90, max);
        latency.p95 = capped(histogram, 95, max);
        latency.p99 = capped(histogram, 99, max);
        latency.p999 = capped(histogram, 99.9, max);
        latency.max = max;
        latency.histogram = HistogramCodec.encode(histogram);
        return latency;
    }

    /** Self time: no exact max is kept, so its percentiles are the histogram's own. */
    public static OperationReport.SelfSummary self(Histogram histogram, long total) {
        OperationReport.SelfSummary self = new OperationReport.SelfSummary();
        self.total = total;
        self.mean = mean(total, histogram.getTotalCount());
        self.p50 = histogram.getValueAtPercentile(50);
        self.p99 = histogram.getValueAtPercentile(99);
        self.histogram = HistogramCodec.encode(histogram);
        return self;
    }

    /** Allocated bytes of the calls the histogram holds; {@code unavailable} calls could not be measured. */
    public static OperationReport.AllocationSummary allocation(Histogram histogram, long total, long max, long unavailable) {
        OperationReport.AllocationSummary allocation = new OperationReport.AllocationSummary();
        allocation.total = total;
        allocation.mean = mean(total, histogram.getTotalCount());
        allocation.p50 = capped(histogram, 50, max);
        allocation.p99 = capped(histogram, 99, max);
        allocation.max = max;
        allocation.unavailable = unavailable;
        allocation.histogram = HistogramCodec.encode(histogram);
        return allocation;
    }

    private static long mean(long total, long count) {
        return count == 0 ? 0 : total / count;
    }

    /** Histogram buckets round up; the exact maximum is the better bound. */
    private static long capped(Histogram histogram, double percentile, long max) {
        return Math.min(histogram.getValueAtPercentile(percentile), max);
    }
}
