package dev.sonde.report;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
        ReportRanker.rank(report);
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
        operation.cancelled = snapshot.cancelled() > 0 ? snapshot.cancelled() : null;
        operation.throughputPerSec = seconds > 0 ? round(snapshot.count() / seconds) : 0;
        operation.latencyNs = latency(snapshot);
        operation.selfNs = snapshot.selfCount() > 0 ? self(snapshot) : null;
        operation.allocBytes = snapshot.allocationCount() + snapshot.allocationUnavailable() > 0 ? allocation(snapshot) : null;
        operation.http = snapshot.kind() == OperationKind.HTTP || snapshot.kind() == OperationKind.HTTP_CLIENT
                ? http(snapshot) : null;
        operation.sql = snapshot.sqlText() != null ? sql(snapshot) : null;
        return operation;
    }

    private static OperationReport.SqlSummary sql(OperationSnapshot snapshot) {
        OperationReport.SqlSummary sql = new OperationReport.SqlSummary();
        sql.text = snapshot.sqlText();
        sql.summary = snapshot.sqlSummary();
        return sql;
    }

    private static OperationReport.HttpSummary http(OperationSnapshot snapshot) {
        OperationReport.HttpSummary http = new OperationReport.HttpSummary();
        http.method = snapshot.httpMethod();
        http.route = snapshot.route();
        http.host = snapshot.host();
        long[] classes = snapshot.statusClasses();
        for (int c = 1; c < classes.length; c++) {
            if (classes[c] > 0 || c >= 2) {
                http.status.put(c + "xx", classes[c]);
            }
        }
        return http;
    }

    private static OperationReport.SelfSummary self(OperationSnapshot snapshot) {
        return HistogramSummaries.self(snapshot.self(), snapshot.selfTotalNanos());
    }

    private static OperationReport.AllocationSummary allocation(OperationSnapshot snapshot) {
        return HistogramSummaries.allocation(snapshot.allocation(), snapshot.allocatedBytesTotal(),
                snapshot.allocatedBytesMax(), snapshot.allocationUnavailable());
    }

    private static OperationReport.LatencySummary latency(OperationSnapshot snapshot) {
        return HistogramSummaries.latency(snapshot.latency(), snapshot.totalNanos(), snapshot.minNanos(),
                snapshot.maxNanos());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
