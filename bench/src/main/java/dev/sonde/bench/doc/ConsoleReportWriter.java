package dev.sonde.bench.doc;

import java.io.PrintStream;
import java.util.List;

/** Prints the main tables of a run as aligned text: the targets, then the comparisons, then every JMH result. */
public final class ConsoleReportWriter {

    private final PrintStream out;

    public ConsoleReportWriter(PrintStream out) {
        this.out = out;
    }

    public void write(BenchRecord record) {
        ReportTables tables = new ReportTables(record);
        out.println();
        out.println("== sonde performance, " + record.mode().name() + " mode"
                + (record.busy() ? " (busy machine: load average up to " + record.maxLoad() + ")" : ""));
        print(tables.targets());
        out.println("== per instrumented call (ns), sonde against JFR and OpenTelemetry");
        print(tables.comparisons());
        out.println("== start-up of a Spring Boot + JPA app to its first 200");
        print(tables.startup());
        out.println("== one JDBC execution (ns): without the agent, jdbc=off, jdbc=on");
        print(tables.sql());
        out.println("== a Prometheus scrape of 2000 operations: CPU ms of sonde's scrape thread");
        print(tables.scrape());
        out.println("== every JMH configuration");
        print(tables.overhead());
        if (!record.failures().isEmpty()) {
            out.println("== failed");
            record.failures().forEach((part, failure) -> out.println(part + ": " + failure));
        }
    }

    private void print(Table table) {
        if (table.isEmpty()) {
            out.println("(no results)");
            out.println();
            return;
        }
        int[] widths = new int[table.header().size()];
        measure(widths, table.header());
        table.rows().forEach(row -> measure(widths, row));
        printRow(widths, table.header());
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        out.println(rule.toString().trim());
        table.rows().forEach(row -> printRow(widths, row));
        out.println();
    }

    private static void measure(int[] widths, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            widths[i] = Math.max(widths[i], plain(cells.get(i)).length());
        }
    }

    private void printRow(int[] widths, List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = plain(cells.get(i));
            line.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
        }
        out.println(line.toString().stripTrailing());
    }

    /** Markdown emphasis has no place on a terminal. */
    private static String plain(String cell) {
        return cell.replace("**", "");
    }
}
