package dev.sonde.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Sorts a report's operations and computes its {@code rankings}, by the rules of
 * docs/report-schema.md: operations by {@code latencyNs.total}, highest first, ties by name; each
 * ranking lists at most {@link ReportBuilder#RANKING_SIZE} names. {@code bySelfTime} and
 * {@code byAllocBytes} are present only when some operation has those figures.
 */
public final class ReportRanker {

    private ReportRanker() {
    }

    /** Sorts {@code report.operations} in place and replaces {@code report.rankings}. */
    public static void rank(Report report) {
        report.operations.sort(descending(o -> o.latencyNs.total));
        Report.Rankings rankings = new Report.Rankings();
        rankings.byTotalTime = top(report.operations, o -> o.latencyNs.total);
        rankings.byP99 = top(report.operations, o -> o.latencyNs.p99);
        rankings.byCount = top(report.operations, o -> o.count);
        if (report.operations.stream().map(o -> o.selfNs).anyMatch(Objects::nonNull)) {
            rankings.bySelfTime = top(report.operations, o -> o.selfNs == null ? 0 : o.selfNs.total);
        }
        if (report.operations.stream().map(o -> o.allocBytes).anyMatch(Objects::nonNull)) {
            rankings.byAllocBytes = top(report.operations, o -> o.allocBytes == null ? 0 : o.allocBytes.total);
        }
        report.rankings = rankings;
    }

    private static List<String> top(List<OperationReport> operations, ToLongFunction<OperationReport> figure) {
        return operations.stream()
                .sorted(descending(figure))
                .limit(ReportBuilder.RANKING_SIZE)
                .map(o -> o.name)
                .collect(Collectors.toList());
    }

    private static Comparator<OperationReport> descending(ToLongFunction<OperationReport> figure) {
        return Comparator.comparingLong(figure).reversed().thenComparing(o -> o.name);
    }
}
