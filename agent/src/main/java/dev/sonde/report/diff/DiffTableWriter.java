package dev.sonde.report.diff;

import dev.sonde.report.OperationReport;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code diff --format table}: the verdict, the regressions with the intervals of their changes,
 * every compared operation, the inconclusive metrics with their reasons, then what was not compared.
 */
public final class DiffTableWriter {

    public void write(ReportDiff diff, PrintWriter out) {
        out.println("sonde diff");
        out.println("  base:    " + diff.base().describe());
        out.println("  current: " + diff.current().describe());
        out.println("  rule:    " + diff.rule().describe());
        out.println();
        out.println((diff.hasRegression() ? "REGRESSION: " : "OK: ") + diff.verdict());
        if (diff.hasRegression()) {
            out.println();
            out.println("Regressions");
            out.print(DiffTables.regressions(diff, name -> name, change -> change).toText("  "));
        }
        if (!diff.compared().isEmpty()) {
            out.println();
            out.println("Compared operations (change from base to current)");
            out.print(DiffTables.compared(diff, name -> name).toText("  "));
            int leftOut = DiffTables.okLeftOut(diff);
            if (leftOut > 0) {
                out.println("  ... and " + leftOut + " more unchanged or inconclusive");
            }
        }
        writeInconclusive(diff, out);
        writeApart(diff, out);
        if (!diff.notes().isEmpty()) {
            out.println();
            diff.notes().forEach(note -> out.println("Note: " + note));
        }
    }

    private static void writeInconclusive(ReportDiff diff, PrintWriter out) {
        List<String> lines = DiffTables.inconclusive(diff, name -> name);
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println("Inconclusive, never failing (" + lines.size() + ")");
        lines.stream().limit(DiffTables.MAX_OK_ROWS).forEach(line -> out.println("  " + line));
        if (lines.size() > DiffTables.MAX_OK_ROWS) {
            out.println("  ... and " + (lines.size() - DiffTables.MAX_OK_ROWS) + " more");
        }
    }

    private static void writeApart(ReportDiff diff, PrintWriter out) {
        if (!diff.added().isEmpty()) {
            out.println();
            out.println("New in current (" + diff.added().size() + ")");
            for (OperationReport operation : diff.added()) {
                out.println("  " + operation.name + "  (" + DiffTables.summary(operation) + ")");
            }
        }
        if (!diff.vanished().isEmpty()) {
            out.println();
            out.println("Vanished from current (" + diff.vanished().size() + ")");
            for (OperationReport operation : diff.vanished()) {
                out.println("  " + operation.name + "  (base: " + DiffTables.summary(operation) + ")");
            }
        }
        if (!diff.ignored().isEmpty()) {
            out.println();
            out.println("Not compared, fewer than " + diff.rule().minCount() + " calls in a run (" + diff.ignored().size() + ")");
            for (IgnoredOperation operation : diff.ignored()) {
                out.println("  " + operation.name() + "  (" + operation.baseCount() + " → " + operation.currentCount() + " calls)");
            }
        }
    }
}
