package dev.sonde.cli;

import dev.sonde.report.ReportFile;
import dev.sonde.report.ReportReader;
import dev.sonde.report.UnreadableReportException;
import dev.sonde.report.WriteProblem;
import dev.sonde.report.view.HtmlReportWriter;
import dev.sonde.report.view.JsonSummaryWriter;
import dev.sonde.report.view.MarkdownReportWriter;
import dev.sonde.report.view.OperationOrder;
import dev.sonde.report.view.ReportView;
import dev.sonde.report.view.TableReportWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code report FILE}: a report's top operations and findings, as a table, Markdown, JSON or an HTML page. */
final class ReportCommand implements Command {

    /** Operations shown unless {@code --top} says otherwise (the HTML page shows all). */
    static final int DEFAULT_TOP = 20;
    /** The kinds {@code --kind} takes: every kind of operation a report may have. */
    static final List<String> KINDS = List.of("sql", "http-client", "http", "method");

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "rank the operations of a report, with findings (table, markdown, json, html)";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar report FILE [--top N] [--by KEY] [--kind KIND] [--format FORMAT] [--out FILE]",
                "",
                "Shows the top operations of a sonde report and what stands out (findings).",
                "",
                "  --top N        how many operations to show; 0 for all (default " + DEFAULT_TOP + "; html: all)",
                "  --by KEY       rank by " + OperationOrder.keys() + " (default total)",
                "  --kind KIND    only operations of one kind: " + String.join(", ", KINDS) + " (default all)",
                "  --format F     " + OutputFormat.keys(OutputFormat.all()) + " (default table)",
                "  --out FILE     write to FILE instead of standard output",
                "",
                "Exit status: 0 shown, 2 wrong usage or unreadable report. Reference: docs/cli.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandLine line = CommandLine.parse(args, Set.of("top", "by", "kind", "format", "out"));
        if (line.positionals().size() != 1) {
            throw new UsageException(line.positionals().isEmpty() ? "which report? give one FILE" : "one FILE at a time");
        }
        OutputFormat format = OutputFormat.parse(line.option("format").orElse("table"), OutputFormat.all());
        OperationOrder order = OperationOrder.named(line.option("by").orElse("total"))
                .orElseThrow(() -> new UsageException("--by takes " + OperationOrder.keys() + ", not '" + line.option("by").get() + "'"));
        int defaultTop = format == OutputFormat.HTML ? 0 : DEFAULT_TOP;
        int top = (int) Math.min(Integer.MAX_VALUE, line.option("top").isPresent()
                ? Quantity.whole("top", line.option("top").get(), 0) : defaultTop);
        Path target = FileArgument.out(line);
        String kind = line.option("kind").orElse(null);
        if (kind != null && !KINDS.contains(kind)) {
            throw new UsageException("--kind takes " + String.join(", ", KINDS) + ", not '" + kind + "'");
        }

        ReportFile file;
        try {
            file = new ReportReader().read(FileArgument.of(line.positionals().get(0)));
        } catch (UnreadableReportException e) {
            err.println("sonde report: " + e.getMessage());
            return Main.USAGE;
        }
        ReportView view = ReportView.of(file, order, top, kind);
        if (!file.report().operations.isEmpty() && view.operations().stream().noneMatch(o -> order.figure(o).isPresent())) {
            err.println("sonde report: " + file.path() + ": --by " + order.key() + ": the report has no "
                    + order.description() + " (recorded with that figure off, or by an older agent)");
            return Main.USAGE;
        }
        try {
            TextOutput.deliver(render(view, format, target), target, out);
        } catch (IOException e) {
            err.println("sonde report: cannot write " + target + ": " + WriteProblem.describe(target, e));
            return Main.USAGE;
        }
        if (target != null) {
            out.println("sonde report: wrote " + target.toAbsolutePath());
        }
        return Main.OK;
    }

    private static String render(ReportView view, OutputFormat format, Path target) {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        switch (format) {
            case MARKDOWN:
                new MarkdownReportWriter().write(view, writer);
                break;
            case JSON:
                new JsonSummaryWriter().write(view, writer);
                break;
            case HTML:
                new HtmlReportWriter(target).write(view, writer);
                break;
            default:
                new TableReportWriter().write(view, writer);
        }
        writer.flush();
        return text.toString();
    }
}
