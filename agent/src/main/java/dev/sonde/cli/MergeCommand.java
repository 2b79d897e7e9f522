package dev.sonde.cli;

import dev.sonde.report.JsonReportWriter;
import dev.sonde.report.Report;
import dev.sonde.report.ReportFile;
import dev.sonde.report.ReportMerger;
import dev.sonde.report.ReportReader;
import dev.sonde.report.UnreadableReportException;
import dev.sonde.report.WriteProblem;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code merge FILE... --out FILE}: one report from many, with exact percentiles (see {@link ReportMerger}). */
final class MergeCommand implements Command {

    @Override
    public String name() {
        return "merge";
    }

    @Override
    public String summary() {
        return "merge reports of several JVMs or windows into one (exact percentiles)";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar merge FILE... --out FILE",
                "",
                "Adds up the reports: counts and totals added, histograms added and percentiles recomputed",
                "from them (exact, never averaged), min and max combined, the window spanning all.",
                "Merge reports that do not overlap: several JVMs, or successive windows of one JVM.",
                "",
                "  --out FILE   the merged report (written atomically; may be one of the inputs)",
                "",
                "Exit status: 0 merged, 2 wrong usage or unreadable report. Reference: docs/cli.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandLine line = CommandLine.parse(args, Set.of("out"));
        if (line.positionals().isEmpty()) {
            throw new UsageException("which reports? give one FILE or more");
        }
        Path target = FileArgument.out(line);
        if (target == null) {
            throw new UsageException("--out FILE is required");
        }
        Report merged;
        try {
            ReportReader reader = new ReportReader();
            List<ReportFile> parts = new ArrayList<>();
            for (String file : line.positionals()) {
                parts.add(reader.read(FileArgument.of(file)));
            }
            merged = new ReportMerger().merge(parts);
            ReportMerger.overlaps(parts).forEach(warning -> err.println("sonde merge: warning: " + warning));
        } catch (UnreadableReportException e) {
            err.println("sonde merge: " + e.getMessage());
            return Main.USAGE;
        }
        try {
            new JsonReportWriter().write(merged, target);
        } catch (IOException e) {
            err.println("sonde merge: cannot write " + target + ": " + WriteProblem.describe(target, e));
            return Main.USAGE;
        }
        long calls = merged.operations.stream().mapToLong(o -> o.count).sum();
        out.println("sonde merge: " + line.positionals().size() + " reports, " + merged.operations.size()
                + " operations, " + calls + " calls; wrote " + target.toAbsolutePath());
        return Main.OK;
    }
}
