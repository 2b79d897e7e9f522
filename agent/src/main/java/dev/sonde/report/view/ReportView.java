package dev.sonde.report.view;

import dev.sonde.report.OperationReport;
import dev.sonde.report.ProfileEntry;
import dev.sonde.report.Report;
import dev.sonde.report.ReportFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code report} shows of one report, whatever the format: the top operations in the chosen
 * order, the findings over all operations, and which optional sections (self time, allocation,
 * HTTP status) the report has at all, so writers can leave out empty columns.
 */
public final class ReportView {

    /** The status classes {@link #statusClasses} lists, in order. */
    public static final List<String> STATUS_CLASSES = List.of("2xx", "3xx", "4xx", "5xx");

    private final ReportFile file;
    private final OperationOrder order;
    private final List<OperationReport> operations;
    private final List<Finding> findings;
    private final int total;

    private ReportView(ReportFile file, OperationOrder order, List<OperationReport> operations,
                       List<Finding> findings, int total) {
        this.file = file;
        this.total = total;
        this.order = order;
        this.operations = operations;
        this.findings = findings;
    }

    /** The first {@code top} operations by {@code order} ({@code top <= 0}: all of them). */
    public static ReportView of(ReportFile file, OperationOrder order, int top) {
        return of(file, order, top, null);
    }

    /**
     * The first {@code top} operations of one kind ({@code sql}, {@code http}...; null: every kind)
     * by {@code order}; the findings and the count of operations are of that kind too.
     */
    public static ReportView of(ReportFile file, OperationOrder order, int top, String kind) {
        List<OperationReport> all = file.report().operations.stream()
                .filter(o -> kind == null || kind.equals(o.kind))
                .collect(Collectors.toList());
        List<OperationReport> selected = all.stream()
                .sorted(order.comparator())
                .limit(top <= 0 ? Long.MAX_VALUE : top)
                .collect(Collectors.toList());
        return new ReportView(file, order, selected, Findings.of(all), all.size());
    }

    public Path path() {
        return file.path();
    }

    public Report report() {
        return file.report();
    }

    public OperationOrder order() {
        return order;
    }

    /** The operations shown, in order. */
    public List<OperationReport> operations() {
        return operations;
    }

    /** How many operations the report has in all. */
    public int totalOperations() {
        return total;
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<ProfileEntry> profiles() {
        return file.profiles();
    }

    public boolean hasSelfTime() {
        return file.report().operations.stream().map(o -> o.selfNs).anyMatch(Objects::nonNull);
    }

    public boolean hasAllocation() {
        return file.report().operations.stream().map(o -> o.allocBytes).anyMatch(Objects::nonNull);
    }

    public boolean hasHttp() {
        return file.report().operations.stream().map(o -> o.http).anyMatch(Objects::nonNull);
    }

    /** The line about operation names past {@code max.operations}; empty when none were dropped. */
    public Optional<String> droppedNote() {
        Report.Dropped dropped = file.report().dropped;
        if (dropped == null || dropped.operations <= 0) {
            return Optional.empty();
        }
        return Optional.of("Dropped: " + dropped.operations
                + " operation names over max.operations; their calls are under (other).");
    }

    /** What the agent warned about while recording (unknown keys, patterns that matched nothing...). */
    public List<String> warnings() {
        return file.report().warnings == null ? List.of() : file.report().warnings;
    }

    /** {@code com.acme.App · pid 4242 on h1 · Java 17.0.15 · sonde 0.1.0}, from what the report has. */
    public String describeJvm() {
        Report report = file.report();
        StringBuilder text = new StringBuilder();
        if (report.jvm != null) {
            append(text, report.jvm.mainClass);
            append(text, "pid " + report.jvm.pid + (report.jvm.host == null ? "" : " on " + report.jvm.host));
            append(text, report.jvm.javaVersion == null ? null : "Java " + report.jvm.javaVersion);
        }
        append(text, report.agent == null || report.agent.version == null ? null : "sonde " + report.agent.version);
        return text.toString();
    }

    /** {@code 2026-11-23T12:00:00Z → 2026-11-23T12:01:00Z (60.0 s) · shutdown}, from what the report has. */
    public String describeWindow() {
        Report report = file.report();
        StringBuilder text = new StringBuilder();
        if (report.window != null) {
            append(text, report.window.start + " → " + report.window.end + " ("
                    + HumanUnits.duration((long) (report.window.seconds * 1e9)) + ")");
        }
        append(text, report.trigger);
        return text.toString();
    }

    /** HTTP responses by status class, {@code 2xx/3xx/4xx/5xx}: {@code 120/0/3/1}; empty when not HTTP. */
    public static String statusClasses(OperationReport operation) {
        if (operation.http == null || operation.http.status == null) {
            return "";
        }
        return STATUS_CLASSES.stream()
                .map(c -> String.valueOf(operation.http.status.getOrDefault(c, 0L)))
                .collect(Collectors.joining("/"));
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            text.append(text.length() == 0 ? "" : " · ").append(part);
        }
    }
}
