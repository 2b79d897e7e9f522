package dev.sonde.report;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;

/**
 * What happened between two cumulative reports of one recording (two answers of the MBean's
 * {@code cumulativeReport}): per operation, the later figures minus the earlier ones, histograms
 * subtracted, the way the agent cuts interval windows from its own snapshots. Totals only grow, so
 * nothing has to be reset for this, and whoever else reads the recording sees no difference.
 * Operations not called in between are left out (a call whose result was cancelled counts as one).
 *
 * <p>A window's max is exact when the cumulative max grew in it; otherwise the window's calls were
 * all below the earlier max, and the histogram's highest value (a bucket bound) is the best there is.
 */
public final class WindowBetweenReports {

    private WindowBetweenReports() {
    }

    /**
     * @throws DataFormatException when a histogram cannot be decoded, or the later report does not
     *                             contain the earlier one (another recording: sonde detached and attached again)
     */
    public static Report between(Report earlier, Report later) throws DataFormatException {
        Report window = new Report();
        window.agent = later.agent;
        window.jvm = later.jvm;
        window.trigger = "window";
        window.window = span(earlier.window.end, later.window.end);
        window.dropped = later.dropped;
        window.warnings = later.warnings;
        Map<String, OperationReport> before = new HashMap<>();
        earlier.operations.forEach(operation -> before.put(operation.name, operation));
        for (OperationReport operation : later.operations) {
            OperationReport difference = minus(operation, before.get(operation.name), window.window.seconds);
            if (difference.count > 0 || difference.cancelled != null) {
                window.operations.add(difference);
            }
        }
        return window;
    }

    private static Report.Window span(String start, String end) {
        Report.Window window = new Report.Window();
        window.start = start;
        window.end = end;
        window.seconds = Math.max(0, Duration.between(Instant.parse(start), Instant.parse(end)).toMillis() / 1000.0);
        return window;
    }

    /** {@code later} minus {@code earlier} (null: the operation had no calls yet). */
    static OperationReport minus(OperationReport later, OperationReport earlier, double seconds) throws DataFormatException {
        if (earlier == null) {
            earlier = new OperationReport();
        }
        OperationReport window = new OperationReport();
        window.name = later.name;
        window.kind = later.kind;
        window.sql = later.sql;
        window.count = later.count - earlier.count;
        if (window.count < 0) {
            throw new DataFormatException(later.name + " has fewer calls than before: not the same recording");
        }
        window.errors = later.errors - earlier.errors;
        long cancelled = orZero(later.cancelled) - orZero(earlier.cancelled);
        window.cancelled = cancelled > 0 ? cancelled : null;
        window.throughputPerSec = seconds > 0 ? Math.round(window.count / seconds * 100) / 100.0 : 0;
        if (window.count == 0 && window.cancelled == null) {
            return window;
        }
        window.latencyNs = latency(later.latencyNs, earlier.latencyNs);
        window.selfNs = later.selfNs == null ? null : self(later.selfNs, earlier.selfNs);
        window.allocBytes = later.allocBytes == null ? null : allocation(later.allocBytes, earlier.allocBytes);
        window.http = later.http == null ? null : http(later.http, earlier.http);
        return window;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static OperationReport.LatencySummary latency(OperationReport.LatencySummary later,
                                                          OperationReport.LatencySummary earlier) throws DataFormatException {
        String earlierHistogram = earlier == null ? null : earlier.histogram;
        Histogram histogram = difference(later.histogram, earlierHistogram);
        long earlierMax = earlier == null ? 0 : earlier.max;
        long earlierMin = earlier == null ? Long.MAX_VALUE : earlier.min;
        long total = later.total - (earlier == null ? 0 : earlier.total);
        long min = later.min < earlierMin ? later.min : Math.max(later.min, histogram.getMinValue());
        return HistogramSummaries.latency(histogram, total, min, windowMax(later.max, earlierMax, histogram));
    }

    private static OperationReport.SelfSummary self(OperationReport.SelfSummary later,
                                                    OperationReport.SelfSummary earlier) throws DataFormatException {
        Histogram histogram = difference(later.histogram, earlier == null ? null : earlier.histogram);
        return HistogramSummaries.self(histogram, later.total - (earlier == null ? 0 : earlier.total));
    }

    private static OperationReport.AllocationSummary allocation(OperationReport.AllocationSummary later,
                                                                OperationReport.AllocationSummary earlier)
            throws DataFormatException {
        Histogram histogram = difference(later.histogram, earlier == null ? null : earlier.histogram);
        long earlierMax = earlier == null ? 0 : earlier.max;
        return HistogramSummaries.allocation(histogram, later.total - (earlier == null ? 0 : earlier.total),
                windowMax(later.max, earlierMax, histogram), later.unavailable - (earlier == null ? 0 : earlier.unavailable));
    }

    private static OperationReport.HttpSummary http(OperationReport.HttpSummary later, OperationReport.HttpSummary earlier) {
        OperationReport.HttpSummary window = new OperationReport.HttpSummary();
        window.method = later.method;
        window.route = later.route;
        window.status = new TreeMap<>();
        if (later.status != null) {
            later.status.forEach((statusClass, count) -> window.status.put(statusClass,
                    count - (earlier == null || earlier.status == null ? 0 : earlier.status.getOrDefault(statusClass, 0L))));
        }
        return window;
    }

    /** The cumulative max if it grew in the window; else the window's highest value, at most the cumulative max. */
    private static long windowMax(long laterMax, long earlierMax, Histogram window) {
        return laterMax > earlierMax ? laterMax : Math.min(laterMax, window.getMaxValue());
    }

    private static Histogram difference(String later, String earlier) throws DataFormatException {
        if (later == null) {
            throw new DataFormatException("a histogram is missing from the report");
        }
        Histogram window = HistogramCodec.decode(later);
        if (earlier != null) {
            try {
                window.subtract(HistogramCodec.decode(earlier));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new DataFormatException("the later histogram does not contain the earlier one: not the same recording");
            }
        }
        return window;
    }
}
