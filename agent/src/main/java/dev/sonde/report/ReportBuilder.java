package dev.sonde.report;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationSnapshot;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** Turns recorded snapshots into a {@link Report}: percentiles, sorting and rankings. */
public final class ReportBuilder {

    /** How many names each ranking lists. */
    public static final int RANKING_SIZE = 20;

    private final Report report = new Report();
    private final List<OperationSnapshot> snapshots = new ArrayList<>();
    private Instant start;
    private Instant end;

    public ReportBuilder trigger(String trigger) {
        report.trigger = trigger;
        return this;
    }

    public ReportBuilder window(Instant windowStart, Instant windowEnd) {
        this.start = windowStart;
        this.end = windowEnd;
        return this;
    }

    public ReportBuilder agent(Report.Agent agent) {
        report.agent = agent;
        return this;
    }

    public ReportBuilder jvm(Report.Jvm jvm) {
        report.jvm = jvm;
        return this;
    }

    public ReportBuilder operations(List<OperationSnapshot> recorded) {
        snapshots.addAll(recorded);
        return this;
    }

    public ReportBuilder dropped(long droppedOperations) {
        report.dropped = new Report.Dropped();
        report.dropped.operations = droppedOperations;
        return this;
    }

    public ReportBuilder warnings(List<String> warnings) {
        report.warnings.addAll(warnings);
        return this;
    }

    public Report build() {
        Report.Window window = new Report.Window();
        window.start = start.toString();
        window.end = end.toString();
        window.seconds = Math.max(0, Duration.between(start, end).toMillis() / 1000.0);
        report.window = window;
        for (OperationSnapshot snapshot : snapshots) {
            report.operations.add(operation(snapshot, window.seconds));
        }
        report.operations.sort(Comparator.comparingLong((OperationReport o) -> o.latencyNs.total).reversed()
                .thenComparing(o -> o.name));
        report.rankings = rankings(report.operations);
        if (report.dropped == null) {
            dropped(0);
        }
        return report;
    }

    static OperationReport operation(OperationSnapshot snapshot, double seconds) {
        OperationReport operation = new OperationReport();
        operation.name = snapshot.name();
        operation.kind = snapshot.kind().label();
        operation.count = snapshot.count();
        operation.errors = snapshot.errors();
        operation.throughputPerSec = seconds > 0 ? round(snapshot.count() / seconds) : 0;
        operation.latencyNs = latency(snapshot);
        operation.selfNs = snapshot.selfCount() > 0 ? self(snapshot) : null;
        operation.allocBytes = snapshot.allocationCount() + snapshot.allocationUnavailable() > 0 ? allocation(snapshot) : null;
        operation.http = snapshot.kind() == OperationKind.HTTP ? http(snapshot) : null;
        return operation;
    }

    private static OperationReport.HttpSummary http(OperationSnapshot snapshot) {
        OperationReport.HttpSummary http = new OperationReport.HttpSummary();
        http.method = snapshot.httpMethod();
        http.route = snapshot.route();
        long[] classes = snapshot.statusClasses();
        for (int c = 1; c < classes.length; c++) {
            if (classes[c] > 0 || c >= 2) {
                http.status.put(c + "xx", classes[c]);
            }
        }
        return http;
    }

    private static OperationReport.SelfSummary self(OperationSnapshot snapshot) {
        OperationReport.SelfSummary self = new OperationReport.SelfSummary();
        self.total = snapshot.selfTotalNanos();
        self.mean = snapshot.selfTotalNanos() / snapshot.selfCount();
        self.p50 = snapshot.self().getValueAtPercentile(50);
        self.p99 = snapshot.self().getValueAtPercentile(99);
        self.histogram = HistogramCodec.encode(snapshot.self());
        return self;
    }

    private static OperationReport.AllocationSummary allocation(OperationSnapshot snapshot) {
        OperationReport.AllocationSummary allocation = new OperationReport.AllocationSummary();
        long measured = snapshot.allocationCount();
        allocation.total = snapshot.allocatedBytesTotal();
        allocation.mean = measured == 0 ? 0 : snapshot.allocatedBytesTotal() / measured;
        allocation.p50 = Math.min(snapshot.allocation().getValueAtPercentile(50), snapshot.allocatedBytesMax());
        allocation.p99 = Math.min(snapshot.allocation().getValueAtPercentile(99), snapshot.allocatedBytesMax());
        allocation.max = snapshot.allocatedBytesMax();
        allocation.unavailable = snapshot.allocationUnavailable();
        allocation.histogram = HistogramCodec.encode(snapshot.allocation());
        return allocation;
    }

    private static OperationReport.LatencySummary latency(OperationSnapshot snapshot) {
        Histogram histogram = snapshot.latency();
        OperationReport.LatencySummary latency = new OperationReport.LatencySummary();
        latency.total = snapshot.totalNanos();
        latency.mean = snapshot.count() == 0 ? 0 : snapshot.totalNanos() / snapshot.count();
        latency.min = snapshot.minNanos();
        latency.p50 = percentile(histogram, 50, snapshot);
        latency.p90 = percentile(histogram, 90, snapshot);
        latency.p95 = percentile(histogram, 95, snapshot);
        latency.p99 = percentile(histogram, 99, snapshot);
        latency.p999 = percentile(histogram, 99.9, snapshot);
        latency.max = snapshot.maxNanos();
        latency.histogram = HistogramCodec.encode(histogram);
        return latency;
    }

    /** A percentile never reads above the exact maximum (histogram buckets round up). */
    private static long percentile(Histogram histogram, double percentile, OperationSnapshot snapshot) {
        return Math.min(histogram.getValueAtPercentile(percentile), snapshot.maxNanos());
    }

    private static Report.Rankings rankings(List<OperationReport> operations) {
        Report.Rankings rankings = new Report.Rankings();
        rankings.byTotalTime = top(operations, o -> o.latencyNs.total);
        rankings.byP99 = top(operations, o -> o.latencyNs.p99);
        rankings.byCount = top(operations, o -> o.count);
        if (operations.stream().anyMatch(o -> o.selfNs != null)) {
            rankings.bySelfTime = top(operations, o -> o.selfNs == null ? 0 : o.selfNs.total);
        }
        if (operations.stream().anyMatch(o -> o.allocBytes != null)) {
            rankings.byAllocBytes = top(operations, o -> o.allocBytes == null ? 0 : o.allocBytes.total);
        }
        return rankings;
    }

    private static List<String> top(List<OperationReport> operations, ToLongFunction<OperationReport> figure) {
        return operations.stream()
                .sorted(Comparator.comparingLong(figure).reversed().thenComparing(o -> o.name))
                .limit(RANKING_SIZE)
                .map(o -> o.name)
                .collect(Collectors.toList());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
