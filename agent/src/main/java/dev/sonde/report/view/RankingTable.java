package dev.sonde.report.view;

import dev.sonde.report.OperationReport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The ranking of a {@link ReportView} as a {@link Table}, shared by the text and Markdown writers:
 * rank, calls, errors, latency figures, then self time, allocation per call and HTTP status classes
 * only when the report has them, and the operation name last (names are long; figures line up
 * better before them).
 */
final class RankingTable {

    private RankingTable() {
    }

    /** {@code name} decorates operation names, e.g. wraps them in backticks for Markdown. */
    static Table of(ReportView view, UnaryOperator<String> name) {
        boolean self = view.hasSelfTime();
        boolean allocation = view.hasAllocation();
        boolean http = view.hasHttp();
        Table table = new Table();
        for (String header : List.of("#", "calls", "errors", "total", "mean", "p50", "p95", "p99", "max")) {
            table.column(header, Table.Align.RIGHT);
        }
        if (self) {
            table.column("self", Table.Align.RIGHT);
        }
        if (allocation) {
            table.column("alloc/call", Table.Align.RIGHT);
        }
        if (http) {
            table.column(String.join("/", ReportView.STATUS_CLASSES), Table.Align.RIGHT);
        }
        table.column("operation", Table.Align.LEFT);
        Set<String> ambiguous = sharedSummaries(view.operations());
        int rank = 1;
        for (OperationReport operation : view.operations()) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(rank++), String.valueOf(operation.count),
                    String.valueOf(operation.errors), HumanUnits.duration(operation.latencyNs.total),
                    HumanUnits.duration(operation.latencyNs.mean), HumanUnits.duration(operation.latencyNs.p50),
                    HumanUnits.duration(operation.latencyNs.p95), HumanUnits.duration(operation.latencyNs.p99),
                    HumanUnits.duration(operation.latencyNs.max)));
            if (self) {
                cells.add(operation.selfNs == null ? "-" : HumanUnits.duration(operation.selfNs.total));
            }
            if (allocation) {
                cells.add(measuredAllocation(operation) ? HumanUnits.bytes(operation.allocBytes.mean) : "-");
            }
            if (http) {
                cells.add(operation.http == null ? "-" : ReportView.statusClasses(operation));
            }
            cells.add(name.apply(shownName(operation, ambiguous)) + cancelled(operation));
            table.row(cells.toArray(new String[0]));
        }
        return table;
    }

    /**
     * A statement's short form ({@code SELECT owners}); its whole text is in the HTML report and the
     * JSON. Two statements with the same short form would look like one: those show their text.
     */
    private static String shownName(OperationReport operation, Set<String> ambiguous) {
        String summary = operation.sql == null ? null : operation.sql.summary;
        return summary == null || ambiguous.contains(summary) ? operation.name : summary;
    }

    private static Set<String> sharedSummaries(List<OperationReport> operations) {
        Set<String> seen = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (OperationReport operation : operations) {
            if (operation.sql != null && operation.sql.summary != null && !seen.add(operation.sql.summary)) {
                shared.add(operation.sql.summary);
            }
        }
        return shared;
    }

    /** Whether some call's allocation was measured: asynchronous and virtual-thread calls have none. */
    private static boolean measuredAllocation(OperationReport operation) {
        return operation.allocBytes != null && operation.allocBytes.unavailable < operation.count;
    }

    /** Cancelled calls are in no other column: said after the name, when there are any. */
    private static String cancelled(OperationReport operation) {
        return operation.cancelled == null || operation.cancelled == 0 ? "" : " (" + operation.cancelled + " cancelled)";
    }

    /** The heading above the ranking: {@code Top 10 of 14 operations by total time}. */
    static String heading(ReportView view) {
        int shown = view.operations().size();
        String which = shown == view.totalOperations()
                ? (shown == 1 ? "1 operation" : "All " + shown + " operations")
                : "Top " + shown + " of " + view.totalOperations() + " operations";
        return which + " by " + view.order().description();
    }

    /** The sections the report does not have, e.g. {@code self time, allocation}; empty when it has all. */
    static String absentSections(ReportView view) {
        List<String> absent = new ArrayList<>();
        if (!view.hasSelfTime()) {
            absent.add("self time");
        }
        if (!view.hasAllocation()) {
            absent.add("allocation");
        }
        return String.join(", ", absent);
    }
}
