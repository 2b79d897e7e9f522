package dev.sonde.report.diff;

import dev.sonde.report.OperationReport;
import dev.sonde.report.view.HtmlPage;
import dev.sonde.report.view.HumanUnits;
import dev.sonde.report.view.PercentileChart;
import dev.sonde.report.view.PercentileCurve;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code diff --format html}: one self-contained page. Base and current side by side for every
 * compared operation and metric, regressed rows and figures highlighted, the two latency curves of
 * each operation on one chart, and new, vanished and ignored operations listed apart.
 */
public final class DiffHtmlWriter {

    public void write(ReportDiff diff, PrintWriter out) {
        HtmlPage.open(out, "sonde diff: " + DiffMarkdownWriter.label(diff.current().path(), diff.base().path()) + " against "
                + DiffMarkdownWriter.label(diff.base().path(), diff.current().path()));
        out.println("<header><h1>sonde diff</h1>");
        out.println("<p><span class=\"verdict " + (diff.hasRegression() ? "bad\">Regression: " : "good\">OK: ")
                + HtmlPage.escape(diff.verdict()) + "</span></p>");
        out.println("<div class=\"side-by-side meta\">" + describe("Base", diff.base()) + describe("Current", diff.current()) + "</div>");
        out.println("<p class=\"note\">Regression when " + HtmlPage.escape(diff.rule().describe()) + ".</p></header>");

        writeComparison(diff, out);
        writeCharts(diff, out);
        writeApart(diff, out);
        for (String note : diff.notes()) {
            out.println("<p class=\"note\">Note: " + HtmlPage.escape(note) + ".</p>");
        }
        HtmlPage.close(out);
    }

    private static String describe(String title, Runs file) {
        String window = file.report().window == null ? "" : file.report().window.start + " → " + file.report().window.end;
        String jvm = file.report().jvm == null ? "" : (file.report().jvm.mainClass == null ? "" : file.report().jvm.mainClass + " · ")
                + "pid " + file.report().jvm.pid;
        return "<div><strong>" + title + "</strong> <code>" + HtmlPage.escape(file.describe()) + "</code><br>"
                + HtmlPage.escape(jvm) + "<br>" + HtmlPage.escape(window) + "</div>";
    }

    private static void writeComparison(ReportDiff diff, PrintWriter out) {
        out.println("<section id=\"comparison\"><h2>Compared operations</h2>"
                + "<p class=\"hint\">Base and current side by side. Click a column to sort; click an operation for its chart.</p>");
        out.print("<div class=\"scroll\"><table id=\"main-table\" class=\"sortable diff\"><thead>"
                + "<tr class=\"group\"><th colspan=\"2\"></th><th colspan=\"2\">calls</th>");
        for (Metric metric : diff.rule().metrics()) {
            out.print("<th colspan=\"3\">" + metric.key() + "</th>");
        }
        out.print("</tr><tr>" + HtmlPage.sortableHeader("status", "status", "text") + HtmlPage.sortableHeader("operation", "name", "text")
                + HtmlPage.sortableHeader("base", "countBase", "num") + HtmlPage.sortableHeader("current", "countCurrent", "num"));
        for (Metric metric : diff.rule().metrics()) {
            out.print(HtmlPage.sortableHeader("base", metric.key() + "Base", "num")
                    + HtmlPage.sortableHeader("current", metric.key() + "Current", "num")
                    + HtmlPage.sortableHeader("change", metric.key() + "Change", "num"));
        }
        out.println("</tr></thead><tbody>");
        int index = 1;
        for (OperationDiff operation : diff.compared()) {
            out.println(row(diff, operation, index++));
        }
        out.println("</tbody></table></div></section>");
    }

    private static String row(ReportDiff diff, OperationDiff operation, int index) {
        StringBuilder row = new StringBuilder("<tr class=\"").append(operation.status()).append("\">")
                .append("<td class=\"text\">").append(operation.status()).append("</td>")
                .append("<td class=\"name\" data-v=\"").append(HtmlPage.escape(operation.name())).append("\"><a href=\"#op-")
                .append(index).append("\">").append(HtmlPage.operationName(operation.name())).append("</a></td>")
                .append(HtmlPage.numberCell(operation.base().count, String.valueOf(operation.base().count)))
                .append(HtmlPage.numberCell(operation.current().count, String.valueOf(operation.current().count)));
        for (Metric metric : diff.rule().metrics()) {
            MetricChange change = operation.change(metric);
            if (change == null) {
                row.append(HtmlPage.absentCell()).append(HtmlPage.absentCell()).append(HtmlPage.absentCell());
                continue;
            }
            String verdict = change.verdict() == MetricChange.Verdict.UNCHANGED ? "" : change.verdict().name().toLowerCase(Locale.ROOT);
            double sortable = Double.isInfinite(change.percentChange()) ? 1e9 : change.percentChange();
            row.append(HtmlPage.numberCell(change.base(), change.format(change.base())))
                    .append(HtmlPage.numberCell(change.current(), change.format(change.current())))
                    .append("<td data-v=\"").append(sortable).append("\" class=\"").append(verdict).append("\" title=\"")
                    .append(HtmlPage.escape(change.deltaText() + " · " + change.describe())).append("\">")
                    .append(HtmlPage.escape(change.percentText() + (change.verdict() == MetricChange.Verdict.INCONCLUSIVE ? " ?" : "")))
                    .append("</td>");
        }
        return row.append("</tr>").toString();
    }

    private static void writeCharts(ReportDiff diff, PrintWriter out) {
        out.println("<section id=\"charts\"><h2>Latency by percentile, base against current</h2><div class=\"charts\">");
        int index = 1;
        for (OperationDiff operation : diff.compared()) {
            out.println("<figure class=\"card\" id=\"op-" + index++ + "\"><figcaption>" + HtmlPage.operationName(operation.name())
                    + "<span class=\"detail\">" + HtmlPage.escape(operation.status()) + " · p99 "
                    + HumanUnits.duration(operation.base().latencyNs.p99) + " → " + HumanUnits.duration(operation.current().latencyNs.p99)
                    + "</span></figcaption>");
            out.println(chart(operation));
            out.println("</figure>");
        }
        out.println("</div></section>");
    }

    private static String chart(OperationDiff operation) {
        List<PercentileChart.Series> series = new ArrayList<>();
        curve(operation.base()).ifPresent(c -> series.add(new PercentileChart.Series("base", "base", c)));
        curve(operation.current()).ifPresent(c -> series.add(new PercentileChart.Series("current",
                operation.regressed() ? "current regressed" : "current", c)));
        return series.isEmpty() ? "<p class=\"absent\">No histograms in the reports for this operation.</p>"
                : PercentileChart.svg("latency by percentile, base against current: " + operation.name(), series);
    }

    private static Optional<PercentileCurve> curve(OperationReport operation) {
        return PercentileCurve.of(operation.latencyNs.histogram, operation.latencyNs.max);
    }

    private static void writeApart(ReportDiff diff, PrintWriter out) {
        List<String> inconclusive = DiffTables.inconclusive(diff, name -> name);
        if (!inconclusive.isEmpty()) {
            out.println("<section><h2>Inconclusive, never failing (" + inconclusive.size() + ")</h2><ul>");
            inconclusive.forEach(line -> out.println("<li>" + HtmlPage.escape(line) + "</li>"));
            out.println("</ul></section>");
        }
        list(out, "New in current", diff.added(), "");
        list(out, "Vanished from current", diff.vanished(), "base: ");
        if (!diff.ignored().isEmpty()) {
            out.println("<section><h2>Not compared: fewer than " + diff.rule().minCount() + " calls in a run</h2><ul>");
            for (IgnoredOperation operation : diff.ignored()) {
                out.println("<li><code>" + HtmlPage.escape(operation.name()) + "</code> <span class=\"detail\">("
                        + operation.baseCount() + " → " + operation.currentCount() + " calls)</span></li>");
            }
            out.println("</ul></section>");
        }
    }

    private static void list(PrintWriter out, String title, List<OperationReport> operations, String prefix) {
        if (operations.isEmpty()) {
            return;
        }
        out.println("<section><h2>" + title + " (" + operations.size() + ")</h2><ul>");
        for (OperationReport operation : operations) {
            out.println("<li><code>" + HtmlPage.escape(operation.name) + "</code> <span class=\"detail\">(" + prefix
                    + HtmlPage.escape(DiffTables.summary(operation)) + ")</span></li>");
        }
        out.println("</ul></section>");
    }

}
