package dev.sonde.report.view;

import dev.sonde.report.OperationReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code report --format html}: one self-contained page (no network) with the findings, a sortable
 * ranking table (latency, self time, allocation per call and HTTP status classes where the report
 * has them), a latency-by-percentile chart per operation and links to the report's flame graphs.
 */
public final class HtmlReportWriter {

    /** Header text and sort key of the columns every report has, in the order {@link #row} fills them. */
    private static final String[][] FIGURE_COLUMNS = {
        {"calls", "count"}, {"errors", "errors"}, {"error %", "errorRate"}, {"calls/s", "rate"},
        {"total", "total"}, {"mean", "mean"}, {"p50", "p50"}, {"p90", "p90"}, {"p99", "p99"},
        {"p99.9", "p999"}, {"max", "max"},
    };

    private final ProfileLinks links;

    /** @param pageLocation where the page will be written, so links to flame graphs can be relative; null for stdout */
    public HtmlReportWriter(Path pageLocation) {
        this.links = new ProfileLinks(pageLocation);
    }

    public void write(ReportView view, PrintWriter out) {
        HtmlPage.open(out, "sonde report: " + view.path().getFileName());
        out.println("<header><h1>sonde report <span class=\"file\">" + HtmlPage.escape(view.path().getFileName().toString())
                + "</span></h1>");
        out.println("<p class=\"meta\">" + HtmlPage.escape(view.describeJvm()) + "<br>"
                + HtmlPage.escape(view.describeWindow()) + "</p></header>");
        writeFindings(view, out);
        writeRanking(view, out);
        writeCharts(view, out);
        links.write(view.path(), view.profiles(), out);
        writeNotes(view, out);
        HtmlPage.close(out);
    }

    private static void writeFindings(ReportView view, PrintWriter out) {
        if (view.findings().isEmpty()) {
            return;
        }
        out.println("<section id=\"findings\"><h2>Findings</h2><ul class=\"findings\">");
        for (Finding finding : view.findings()) {
            out.println("<li><span class=\"title\">" + HtmlPage.escape(finding.title()) + "</span> <strong>"
                    + HtmlPage.escape(finding.figure()) + "</strong> <code>" + HtmlPage.escape(finding.operation())
                    + "</code> <span class=\"detail\">(" + HtmlPage.escape(finding.detail()) + ")</span></li>");
        }
        out.println("</ul></section>");
    }

    private static void writeRanking(ReportView view, PrintWriter out) {
        out.println("<section id=\"ranking\"><h2>" + HtmlPage.escape(RankingTable.heading(view))
                + "</h2><p class=\"hint\">Click a column to sort; click an operation for its chart.</p>");
        writeKindFilter(view, out);
        out.println("<div class=\"scroll\"><table id=\"main-table\" class=\"sortable ranking\"><thead><tr>");
        out.print(HtmlPage.sortableHeader("#", "rank", "num") + HtmlPage.sortableHeader("operation", "name", "text"));
        for (String[] column : FIGURE_COLUMNS) {
            out.print(HtmlPage.sortableHeader(column[0], column[1], "num"));
        }
        if (view.hasSelfTime()) {
            out.print(HtmlPage.sortableHeader("self", "self", "num"));
        }
        if (view.hasAllocation()) {
            out.print(HtmlPage.sortableHeader("alloc/call", "alloc", "num"));
        }
        if (view.hasHttp()) {
            out.print(HtmlPage.sortableHeader("HTTP status", "status", "text"));
        }
        out.println("</tr></thead><tbody>");
        int rank = 1;
        for (OperationReport operation : view.operations()) {
            out.println(row(view, operation, rank++));
        }
        out.println("</tbody></table></div></section>");
    }

    /**
     * Buttons that show one kind of operation at a time (methods, HTTP routes, SQL statements...),
     * when the report has more than one; {@code #kind=sql} in the address selects one on load.
     */
    private static void writeKindFilter(ReportView view, PrintWriter out) {
        Map<String, Long> kinds = view.operations().stream().map(o -> o.kind).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        if (kinds.size() < 2) {
            return;
        }
        StringBuilder buttons = new StringBuilder("<div class=\"kinds\" role=\"group\" aria-label=\"kind of operation\">")
                .append(kindButton("", "all", view.operations().size()));
        kinds.forEach((kind, count) -> buttons.append(kindButton(kind, kind, count)));
        out.println(buttons.append("</div>"));
    }

    private static String kindButton(String kind, String label, long count) {
        return "<button type=\"button\" data-kind=\"" + HtmlPage.escape(kind) + "\" aria-pressed=\""
                + kind.isEmpty() + "\">" + HtmlPage.escape(label) + " <span class=\"count\">" + count + "</span></button>";
    }

    private static String kindAttribute(OperationReport o) {
        return o.kind == null ? "" : " data-kind=\"" + HtmlPage.escape(o.kind) + "\"";
    }

    /** A statement's whole normalised text as the name's tooltip: the table may show it cut. */
    private static String sqlTitle(OperationReport o) {
        return o.sql == null || o.sql.text == null ? "" : " title=\"" + HtmlPage.escape(o.sql.text) + "\"";
    }

    private static String row(ReportView view, OperationReport o, int rank) {
        double errorRate = o.count == 0 ? 0 : 100.0 * o.errors / o.count;
        StringBuilder row = new StringBuilder("<tr").append(kindAttribute(o)).append(">")
                .append(HtmlPage.numberCell(rank, String.valueOf(rank)))
                .append("<td class=\"name\" data-v=\"").append(HtmlPage.escape(o.name)).append("\"")
                .append(sqlTitle(o)).append("><a href=\"#op-")
                .append(rank).append("\">").append(HtmlPage.operationName(o.name)).append("</a></td>")
                .append(HtmlPage.numberCell(o.count, String.valueOf(o.count)))
                .append(HtmlPage.numberCell(o.errors, String.valueOf(o.errors)))
                .append(HtmlPage.numberCell(errorRate, HumanUnits.percent(errorRate)))
                .append(HtmlPage.numberCell(o.throughputPerSec, HumanUnits.rate(o.throughputPerSec)));
        for (long figure : List.of(o.latencyNs.total, o.latencyNs.mean, o.latencyNs.p50, o.latencyNs.p90,
                o.latencyNs.p99, o.latencyNs.p999, o.latencyNs.max)) {
            row.append(HtmlPage.numberCell(figure, HumanUnits.duration(figure)));
        }
        if (view.hasSelfTime()) {
            row.append(o.selfNs == null ? HtmlPage.absentCell() : HtmlPage.numberCell(o.selfNs.total, HumanUnits.duration(o.selfNs.total)));
        }
        if (view.hasAllocation()) {
            row.append(o.allocBytes == null ? HtmlPage.absentCell()
                    : HtmlPage.numberCell(o.allocBytes.mean, HumanUnits.bytes(o.allocBytes.mean)));
        }
        if (view.hasHttp()) {
            row.append("<td class=\"statuses\" data-v=\"").append(HtmlPage.escape(ReportView.statusClasses(o))).append("\">")
                    .append(statusBadges(o)).append("</td>");
        }
        return row.append("</tr>").toString();
    }

    private static String statusBadges(OperationReport operation) {
        if (operation.http == null || operation.http.status == null) {
            return "";
        }
        StringBuilder badges = new StringBuilder();
        for (String statusClass : ReportView.STATUS_CLASSES) {
            long n = operation.http.status.getOrDefault(statusClass, 0L);
            if (n > 0) {
                badges.append("<span class=\"status s").append(statusClass.charAt(0)).append("\">")
                        .append(statusClass).append(' ').append(n).append("</span>");
            }
        }
        return badges.toString();
    }

    private static void writeCharts(ReportView view, PrintWriter out) {
        out.println("<section id=\"charts\"><h2>Latency by percentile</h2><div class=\"charts\">");
        int rank = 1;
        for (OperationReport o : view.operations()) {
            out.println("<figure class=\"card\" id=\"op-" + rank++ + "\"" + kindAttribute(o) + "><figcaption>" + HtmlPage.operationName(o.name)
                    + "<span class=\"detail\">" + calls(o.count) + " · p50 " + HumanUnits.duration(o.latencyNs.p50)
                    + " · p99 " + HumanUnits.duration(o.latencyNs.p99) + " · max " + HumanUnits.duration(o.latencyNs.max)
                    + "</span></figcaption>");
            if (o.sql != null && o.sql.text != null && !o.sql.text.equals(o.name)) {
                // A long statement's name is cut: its whole normalised text is shown here.
                out.println("<pre class=\"sql\">" + HtmlPage.escape(o.sql.text) + "</pre>");
            }
            out.println(PercentileCurve.of(o.latencyNs.histogram, o.latencyNs.max)
                    .map(curve -> PercentileChart.svg("latency by percentile: " + o.name,
                            List.of(new PercentileChart.Series("latency", "s0", curve))))
                    .orElse("<p class=\"absent\">No histogram in the report for this operation.</p>"));
            out.println("</figure>");
        }
        out.println("</div></section>");
    }

    private static String calls(long count) {
        return count == 1 ? "1 call" : count + " calls";
    }

    private static void writeNotes(ReportView view, PrintWriter out) {
        String absent = RankingTable.absentSections(view);
        if (!absent.isEmpty()) {
            out.println("<p class=\"note\">Not in this report: " + HtmlPage.escape(absent) + ".</p>");
        }
        view.droppedNote().ifPresent(note -> out.println("<p class=\"note\">" + HtmlPage.escape(note) + "</p>"));
        if (!view.warnings().isEmpty()) {
            out.println("<section id=\"warnings\"><h2>Warnings</h2><ul>");
            view.warnings().forEach(w -> out.println("<li>" + HtmlPage.escape(w) + "</li>"));
            out.println("</ul></section>");
        }
    }
}
