package dev.sonde.report;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * Reports built in tests from raw values, recorded the way the agent records them (a two-digit
 * HdrHistogram plus exact total, min and max).
 */
public final class TestReports {

    public static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    private TestReports() {
    }

    /** An operation builder: {@code op("a#b").latencies(1000, 2000).errors(1).build()}. */
    public static Op op(String name) {
        return new Op(name);
    }

    /** A report over a 60-second window from {@link #START}, ranked as the agent ranks. */
    public static Report report(OperationReport... operations) {
        return report(START, START.plusSeconds(60), operations);
    }

    public static Report report(Instant start, Instant end, OperationReport... operations) {
        Report report = new Report();
        report.trigger = "shutdown";
        report.agent = new Report.Agent();
        report.agent.version = "test";
        report.agent.include = List.of("com.acme.**");
        report.agent.exclude = List.of();
        report.jvm = new Report.Jvm();
        report.jvm.pid = 4242;
        report.jvm.javaVersion = "17";
        report.jvm.host = "h1";
        report.window = new Report.Window();
        report.window.start = start.toString();
        report.window.end = end.toString();
        report.window.seconds = Duration.between(start, end).toMillis() / 1000.0;
        report.operations.addAll(List.of(operations));
        for (OperationReport operation : operations) {
            operation.throughputPerSec = report.window.seconds > 0
                    ? Math.round(operation.count / report.window.seconds * 100) / 100.0 : 0;
        }
        report.dropped = new Report.Dropped();
        ReportRanker.rank(report);
        return report;
    }

    /** The report as {@link ReportReader} would return it for {@code path}, without a file. */
    public static ReportFile file(String path, Report report) {
        return new ReportFile(Path.of(path), report, List.of());
    }

    /** Writes the report as the agent does and returns its path. */
    public static Path write(Path directory, String name, Report report) throws IOException {
        Path target = directory.resolve(name);
        new JsonReportWriter().write(report, target);
        return target;
    }

    /** {@code count} values evenly spread from {@code from} to {@code to}. */
    public static long[] spread(long from, long to, int count) {
        return LongStream.range(0, count).map(i -> from + (to - from) * i / Math.max(1, count - 1)).toArray();
    }

    /** Builds one operation from raw values. */
    public static final class Op {
        private final OperationReport operation = new OperationReport();

        Op(String name) {
            operation.name = name;
            operation.kind = "method";
        }

        public Op latencies(long... nanos) {
            Histogram histogram = histogramOf(nanos);
            operation.count = nanos.length;
            operation.latencyNs = HistogramSummaries.latency(histogram, LongStream.of(nanos).sum(),
                    LongStream.of(nanos).min().orElse(0), LongStream.of(nanos).max().orElse(0));
            return this;
        }

        public Op errors(long errors) {
            operation.errors = errors;
            return this;
        }

        public Op cancelled(long cancelled) {
            operation.cancelled = cancelled;
            return this;
        }

        public Op self(long... nanos) {
            operation.selfNs = HistogramSummaries.self(histogramOf(nanos), LongStream.of(nanos).sum());
            return this;
        }

        public Op alloc(long... bytes) {
            operation.allocBytes = HistogramSummaries.allocation(histogramOf(bytes), LongStream.of(bytes).sum(),
                    LongStream.of(bytes).max().orElse(0), 0);
            return this;
        }

        public Op http(String method, String route, Map<String, Long> status) {
            operation.kind = "http";
            operation.http = new OperationReport.HttpSummary();
            operation.http.method = method;
            operation.http.route = route;
            operation.http.status = new TreeMap<>(status);
            return this;
        }

        /** An outbound HTTP call: kind http-client, with the server called. */
        public Op httpClient(String method, String host, String route, Map<String, Long> status) {
            http(method, route, status);
            operation.kind = "http-client";
            operation.http.host = host;
            return this;
        }

        /** A SQL statement: kind sql, with its normalised text and short form. */
        public Op sql(String text, String summary) {
            operation.kind = "sql";
            operation.sql = new OperationReport.SqlSummary();
            operation.sql.text = text;
            operation.sql.summary = summary;
            return this;
        }

        public Op p50(long nanos) {
            operation.latencyNs.p50 = nanos;
            return this;
        }

        public Op p95(long nanos) {
            operation.latencyNs.p95 = nanos;
            return this;
        }

        public Op p99(long nanos) {
            operation.latencyNs.p99 = nanos;
            return this;
        }

        public OperationReport build() {
            return operation;
        }

        private static Histogram histogramOf(long... values) {
            Histogram histogram = new Histogram(2);
            for (long value : values) {
                histogram.recordValue(value);
            }
            return histogram;
        }
    }
}
