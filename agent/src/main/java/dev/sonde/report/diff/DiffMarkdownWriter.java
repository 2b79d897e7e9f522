package dev.sonde.report.diff;

import dev.sonde.report.view.MarkdownReportWriter;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * {@code diff --format markdown}: a pull-request comment. The verdict in the heading, the regressions
 * in a table, the full comparison folded in a {@code <details>} block, and new, vanished and
 * ignored operations as short lists.
 */
public final class DiffMarkdownWriter {

    public void write(ReportDiff diff, PrintWriter out) {
        out.println("### " + (diff.hasRegression() ? "❌" : "✅") + " sonde diff: " + diff.verdict());
        out.println();
        out.println("Base " + side(diff.base(), diff.current()) + " → current " + side(diff.current(), diff.base()) + "  ");
        out.println("Regression when " + diff.rule().describe() + ".");
        if (diff.hasRegression()) {
            out.println();
            out.print(DiffTables.regressions(diff, DiffMarkdownWriter::code, change -> "**" + change + "**").toMarkdown());
        }
        if (!diff.compared().isEmpty()) {
            out.println();
            out.println("<details><summary>All " + diff.compared().size() + " compared operations</summary>");
            out.println();
            out.print(DiffTables.compared(diff, DiffMarkdownWriter::code).toMarkdown());
            int leftOut = DiffTables.okLeftOut(diff);
            if (leftOut > 0) {
                out.println();
                out.println("… and " + leftOut + " more unchanged or inconclusive.");
            }
            out.println();
            out.println("</details>");
        }
        List<String> inconclusive = DiffTables.inconclusive(diff, DiffMarkdownWriter::code);
        list(out, "Inconclusive, never failing", inconclusive, line -> line);
        list(out, "New in current", diff.added(), o -> code(o.name) + " (" + DiffTables.summary(o) + ")");
        list(out, "Vanished from current", diff.vanished(), o -> code(o.name) + " (base: " + DiffTables.summary(o) + ")");
        list(out, "Not compared (fewer than " + diff.rule().minCount() + " calls in a run)", diff.ignored(),
                o -> code(o.name()) + " (" + o.baseCount() + " → " + o.currentCount() + " calls)");
        for (String note : diff.notes()) {
            out.println();
            out.println("_Note: " + note + "._");
        }
    }

    /** {@code `base.json`}, or {@code `run-1.json` and 2 more runs} for several. */
    private static String side(Runs runs, Runs other) {
        String first = "`" + label(runs.path(), other.path()) + "`";
        int more = runs.files().size() - 1;
        return more == 0 ? first : first + " and " + more + (more == 1 ? " more run" : " more runs");
    }

    /** The file name, with its directory when both reports have the same name ({@code base/merged.json}). */
    static String label(Path file, Path other) {
        Path name = file.getFileName();
        Path parent = file.toAbsolutePath().getParent();
        boolean ambiguous = name.equals(other.getFileName()) && parent != null && parent.getFileName() != null;
        return ambiguous ? parent.getFileName() + "/" + name : name.toString();
    }

    private static <T> void list(PrintWriter out, String title, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        out.println();
        out.println("**" + title + "** (" + items.size() + ")");
        out.println();
        items.forEach(item -> out.println("- " + line.apply(item)));
    }

    private static String code(String text) {
        return MarkdownReportWriter.code(text);
    }
}
