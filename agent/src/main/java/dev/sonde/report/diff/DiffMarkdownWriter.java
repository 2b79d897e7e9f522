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
        out.println("Base `" + label(diff.base().path(), diff.current().path()) + "` → current `"
                + label(diff.current().path(), diff.base().path()) + "`  ");
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
                out.println("… and " + leftOut + " more within the rule.");
            }
            out.println();
            out.println("</details>");
        }
        list(out, "New in current", diff.added(), o -> code(o.name) + " (" + DiffTables.summary(o) + ")");
        list(out, "Vanished from current", diff.vanished(), o -> code(o.name) + " (base: " + DiffTables.summary(o) + ")");
        list(out, "Not compared (fewer than " + diff.rule().minCount() + " calls in a run)", diff.ignored(),
                o -> code(o.name()) + " (" + o.baseCount() + " → " + o.currentCount() + " calls)");
        for (String note : diff.notes()) {
            out.println();
            out.println("_Note: " + note + "._");
        }
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
