package dev.sonde.report.view;

import java.io.PrintWriter;

/**
 * {@code report --format table}: an aligned plain-text table of the top operations for a terminal,
 * then the findings, the sections the report lacks, dropped operations and warnings.
 */
public final class TableReportWriter {

    public void write(ReportView view, PrintWriter out) {
        out.println("sonde report: " + view.path());
        printIfPresent(out, view.describeJvm());
        printIfPresent(out, view.describeWindow());
        out.println();
        if (view.operations().isEmpty()) {
            out.println("No operations recorded: no call of an included method completed in the window.");
        } else {
            out.println(RankingTable.heading(view));
            out.println();
            out.print(RankingTable.of(view, name -> name).toText("  "));
        }
        writeFindings(view, out);
        writeNotes(view, out);
    }

    private static void writeFindings(ReportView view, PrintWriter out) {
        if (view.findings().isEmpty()) {
            return;
        }
        Table findings = new Table()
                .column("", Table.Align.LEFT)
                .column("", Table.Align.RIGHT)
                .column("", Table.Align.LEFT);
        for (Finding finding : view.findings()) {
            findings.row(finding.title(), finding.figure(), finding.operation() + "  (" + finding.detail() + ")");
        }
        out.println();
        out.println("Findings");
        out.print(findings.rowsToText("  "));
    }

    private static void writeNotes(ReportView view, PrintWriter out) {
        String absent = RankingTable.absentSections(view);
        if (absent.isEmpty() && view.droppedNote().isEmpty() && view.warnings().isEmpty()) {
            return;
        }
        out.println();
        if (!absent.isEmpty() && !view.operations().isEmpty()) {
            out.println("Not in this report: " + absent + ".");
        }
        view.droppedNote().ifPresent(out::println);
        if (!view.warnings().isEmpty()) {
            out.println("Warnings:");
            view.warnings().forEach(w -> out.println("  - " + w));
        }
    }

    private static void printIfPresent(PrintWriter out, String line) {
        if (!line.isEmpty()) {
            out.println(line);
        }
    }
}
