package dev.sonde.report;

import org.HdrHistogram.Histogram;

import java.util.zip.DataFormatException;

/**
 * One operation being merged from several reports: counts and totals added, histograms added,
 * min and max combined. A section that not every part has ({@code selfNs}, {@code allocBytes}) is
 * left out of the result: a figure over only some of the calls would read as if it covered all.
 */
final class MergedOperation {

    private final String name;
    private String kind;
    private long count;
    private long errors;
    private long cancelled;
    private final HistogramSum latency = new HistogramSum();
    private long latencyTotal;
    private long latencyMin = Long.MAX_VALUE;
    private long latencyMax;
    private final HistogramSum self = new HistogramSum();
    private long selfTotal;
    private boolean selfEverywhere = true;
    private final HistogramSum allocation = new HistogramSum();
    private long allocationTotal;
    private long allocationMax;
    private long allocationUnavailable;
    private boolean allocationEverywhere = true;
    private OperationReport.HttpSummary http;
    private OperationReport.SqlSummary sql;

    MergedOperation(String name) {
        this.name = name;
    }

    /**
     * Adds one report's figures for this operation.
     *
     * @throws DataFormatException or {@link IllegalArgumentException} when a histogram cannot be decoded
     * @throws MissingHistogramException when calls were recorded but their histogram is absent
     */
    void add(OperationReport part) throws DataFormatException, MissingHistogramException {
        if (kind == null) {
            kind = part.kind;
        }
        addHttp(part.http);
        if (sql == null) {
            sql = part.sql;
        }
        cancelled += part.cancelled == null ? 0 : Math.max(0, part.cancelled);
        if (part.count == 0) {
            return;
        }
        count += part.count;
        errors += part.errors;
        latency.add(decode(part.latencyNs.histogram, "latencyNs"));
        latencyTotal += part.latencyNs.total;
        latencyMin = Math.min(latencyMin, part.latencyNs.min);
        latencyMax = Math.max(latencyMax, part.latencyNs.max);
        addSelf(part.selfNs);
        addAllocation(part.allocBytes);
    }

    private void addSelf(OperationReport.SelfSummary part) throws DataFormatException {
        if (part == null || part.histogram == null) {
            selfEverywhere = false;
            return;
        }
        self.add(HistogramCodec.decode(part.histogram));
        selfTotal += part.total;
    }

    private void addAllocation(OperationReport.AllocationSummary part) throws DataFormatException {
        if (part == null || part.histogram == null) {
            allocationEverywhere = false;
            return;
        }
        allocation.add(HistogramCodec.decode(part.histogram));
        allocationTotal += part.total;
        allocationMax = Math.max(allocationMax, part.max);
        allocationUnavailable += part.unavailable;
    }

    private void addHttp(OperationReport.HttpSummary part) {
        if (part == null) {
            return;
        }
        if (http == null) {
            http = new OperationReport.HttpSummary();
            http.method = part.method;
            http.route = part.route;
            http.host = part.host;
        }
        if (part.status != null) {
            part.status.forEach((statusClass, n) -> http.status.merge(statusClass, n == null ? 0 : n, Long::sum));
        }
    }

    private static Histogram decode(String encoded, String section) throws DataFormatException, MissingHistogramException {
        if (encoded == null) {
            throw new MissingHistogramException(section);
        }
        return HistogramCodec.decode(encoded);
    }

    /** The merged operation; {@code windowSeconds} gives its throughput. */
    OperationReport result(double windowSeconds) {
        OperationReport operation = new OperationReport();
        operation.name = name;
        operation.kind = kind;
        operation.sql = sql;
        operation.count = count;
        operation.errors = errors;
        operation.cancelled = cancelled > 0 ? cancelled : null;
        operation.throughputPerSec = windowSeconds > 0 ? Math.round(count / windowSeconds * 100) / 100.0 : 0;
        operation.latencyNs = HistogramSummaries.latency(latency.total(), latencyTotal,
                count == 0 ? 0 : latencyMin, latencyMax);
        if (count > 0 && selfEverywhere && !self.isEmpty()) {
            operation.selfNs = HistogramSummaries.self(self.total(), selfTotal);
        }
        if (count > 0 && allocationEverywhere && !allocation.isEmpty()) {
            operation.allocBytes = HistogramSummaries.allocation(allocation.total(), allocationTotal,
                    allocationMax, allocationUnavailable);
        }
        operation.http = http;
        return operation;
    }

    /** Calls were recorded, but the report carries no histogram of them to merge. */
    static final class MissingHistogramException extends Exception {

        private static final long serialVersionUID = 1L;

        MissingHistogramException(String section) {
            super(section + ".histogram is missing");
        }
    }
}
