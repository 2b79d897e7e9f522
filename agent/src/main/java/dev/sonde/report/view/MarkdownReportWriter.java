package dev.sonde.report.view;

import java.io.PrintWriter;

/**
 * {@code report --format markdown}: the ranking as a GitHub-flavoured Markdown table and the
 * findings as a list, fit for a pull-request comment, a wiki page or a chat message.
 */
public final class MarkdownReportWriter {

    public void write(ReportView view, PrintWriter out) {
        out.println("### sonde report: `" + view.path().getFileName() + "`");
        out.println();
        if (!view.describeJvm().isEmpty()) {
            out.println(view.describeJvm() + "  ");
        }
        if (!view.describeWindow().isEmpty()) {
            out.println(view.describeWindow());
        }
        out.println();
        if (view.operations().isEmpty()) {
            out.println("No operations recorded.");
        } else {
            out.println("**" + RankingTable.heading(view) + "**");
            out.println();
            out.print(RankingTable.of(view, MarkdownReportWriter::code).toMarkdown());
        }
        if (!view.findings().isEmpty()) {
            out.println();
            out.println("#### Findings");
            out.println();
            for (Finding finding : view.findings()) {
                out.println("- **" + finding.title() + "**: " + finding.figure() + ", " + code(finding.operation())
                        + " (" + finding.detail() + ")");
            }
        }
        String absent = RankingTable.absentSections(view);
        if (!absent.isEmpty() && !view.operations().isEmpty()) {
            out.println();
            out.println("_Not in this report: " + absent + "._");
        }
        view.droppedNote().ifPresent(note -> {
            out.println();
            out.println("_" + text(note) + "_");
        });
        if (!view.warnings().isEmpty()) {
            out.println();
            out.println("#### Warnings");
            out.println();
            view.warnings().forEach(warning -> out.println("- " + text(warning)));
        }
    }

    /**
     * Plain text, shown as written: warnings quote patterns such as {@code com.acme.**Service#*},
     * whose stars Markdown would otherwise read as emphasis.
     */
    static String text(String plain) {
        return plain.replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
    }

    /** Inline code; operation names such as {@code Foo#<init>} must not be read as HTML. */
    public static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }
}
