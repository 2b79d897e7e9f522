package dev.sonde.report.diff;

import dev.sonde.report.OperationReport;
import dev.sonde.report.view.HumanUnits;
import dev.sonde.report.view.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The tables of a {@link ReportDiff} shared by the text and Markdown writers: the regressions, one
 * row per regressed metric with the interval of its change; the compared operations, one row per
 * operation with the change of each metric ({@code ▲} regressed, {@code ▼} improved, {@code ?}
 * inconclusive); and the inconclusive metrics in words, with their reasons.
 */
final class DiffTables {

    /** Unchanged operations (and inconclusive lines) shown in text and Markdown; JSON and HTML list them all. */
    static final int MAX_OK_ROWS = 30;

    private DiffTables() {
    }

    static Table regressions(ReportDiff diff, UnaryOperator<String> name, UnaryOperator<String> emphasis) {
        Table table = new Table()
                .column("operation", Table.Align.LEFT)
                .column("metric", Table.Align.LEFT)
                .column("base", Table.Align.RIGHT)
                .column("current", Table.Align.RIGHT)
                .column("change", Table.Align.RIGHT)
                .column(diff.rule().confidence().text() + " CI", Table.Align.RIGHT)
                .column("delta", Table.Align.RIGHT)
                .column("calls", Table.Align.RIGHT);
        for (OperationDiff operation : diff.regressed()) {
            for (MetricChange change : operation.changes()) {
                if (change.verdict() == MetricChange.Verdict.REGRESSED) {
                    table.row(name.apply(operation.name()), change.metric().key(), change.format(change.base()),
                            change.format(change.current()), emphasis.apply(change.percentText()), change.intervalText(),
                            change.deltaText(), callsCell(change));
                }
            }
        }
        return table;
    }

    /**
     * The inconclusive metrics in words, at most {@link #MAX_OK_ROWS}, in the order of the compared
     * operations: {@code com.acme.A#b: p99 +25.0% (95% CI -3.1%…+61.0%), 400 calls each: the intervals ...}.
     */
    static List<String> inconclusive(ReportDiff diff, UnaryOperator<String> name) {
        List<String> lines = new ArrayList<>();
        for (OperationDiff operation : diff.compared()) {
            for (MetricChange change : operation.inconclusiveChanges()) {
                lines.add(name.apply(operation.name()) + ": " + change.describe());
            }
        }
        return lines;
    }

    private static String callsCell(MetricChange change) {
        long base = change.baseEstimate().calls();
        long current = change.currentEstimate().calls();
        return base == current ? base + " each" : base + " → " + current;
    }

    /** The compared operations, all regressed and improved ones and at most {@link #MAX_OK_ROWS} others. */
    static Table compared(ReportDiff diff, UnaryOperator<String> name) {
        Table table = new Table()
                .column("status", Table.Align.LEFT)
                .column("calls", Table.Align.RIGHT);
        for (Metric metric : diff.rule().metrics()) {
            table.column(metric.key(), Table.Align.RIGHT);
        }
        table.column("operation", Table.Align.LEFT);
        for (OperationDiff operation : shown(diff)) {
            List<String> cells = new ArrayList<>();
            cells.add(operation.status());
            cells.add(operation.base().count + " → " + operation.current().count);
            for (Metric metric : diff.rule().metrics()) {
                cells.add(cell(operation.change(metric)));
            }
            cells.add(name.apply(operation.name()));
            table.row(cells.toArray(new String[0]));
        }
        return table;
    }

    /** How many operations neither regressed nor improved {@link #compared} leaves out. */
    static int okLeftOut(ReportDiff diff) {
        return diff.compared().size() - shown(diff).size();
    }

    private static List<OperationDiff> shown(ReportDiff diff) {
        List<OperationDiff> shown = new ArrayList<>();
        int ok = 0;
        for (OperationDiff operation : diff.compared()) {
            boolean notable = operation.regressed() || operation.improved();
            if (notable || ok++ < MAX_OK_ROWS) {
                shown.add(operation);
            }
        }
        return shown;
    }

    private static String cell(MetricChange change) {
        if (change == null) {
            return "-";
        }
        String mark = change.verdict() == MetricChange.Verdict.REGRESSED ? " ▲"
                : change.verdict() == MetricChange.Verdict.IMPROVED ? " ▼"
                : change.verdict() == MetricChange.Verdict.INCONCLUSIVE ? " ?" : "";
        return change.percentText() + mark;
    }

    /** {@code com.acme.New#op: 120 calls, p99 3.4 ms}. */
    static String summary(OperationReport operation) {
        return operation.count + (operation.count == 1 ? " call" : " calls") + ", p50 "
                + HumanUnits.duration(operation.latencyNs.p50) + ", p99 " + HumanUnits.duration(operation.latencyNs.p99);
    }
}
