package dev.sonde.cli;

import dev.sonde.control.AgentRequest;
import dev.sonde.report.ReportFile;
import dev.sonde.report.ReportReader;
import dev.sonde.report.UnreadableReportException;
import dev.sonde.report.view.OperationOrder;
import dev.sonde.report.view.ReportView;
import dev.sonde.report.view.TableReportWriter;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code dump <pid> [--out FILE] [--reset]}: the target writes a report of its current window now
 * ({@code trigger: on-demand}); this command says where and shows the top operations.
 */
final class DumpCommand implements Command {

    /** Operations shown; {@code report FILE} shows more. */
    static final int TOP = 10;

    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String summary() {
        return "have a running JVM write a report now, and show its top operations";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar dump <pid> [--out FILE] [--reset]",
                "",
                "The JVM writes a report of what sonde recorded since it started (or since the last --reset)",
                "and this command prints where it is and the top " + TOP + " operations by total time.",
                "",
                "  --out FILE   write the report to FILE (written by the JVM, so as its user) instead of a new",
                "               sonde-dump-<pid>-<time>.json in sonde's out directory",
                "  --reset      after this report, start a new window: the next dump or the final report",
                "               covers only what happens from now on (interval reports are not affected)",
                "",
                "Exit status: 0 written, 2 wrong usage, sonde not running, the JVM not reachable or the file",
                "not writable. Reference: docs/cli.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        List<String> rest = new ArrayList<>(args);
        boolean reset = rest.removeIf(arg -> arg.equals("--reset"));
        CommandLine line = CommandLine.parse(rest, Set.of("out"));
        if (line.positionals().size() != 1) {
            throw new UsageException(line.positionals().isEmpty() ? "which JVM? give its pid" : "one pid at a time");
        }
        Path given = FileArgument.out(line);
        Path file = given == null ? null : given.toAbsolutePath();
        try {
            if (file != null && Files.isDirectory(file)) {
                throw new TargetException("--out names the report file to write, and " + file + " is a directory");
            }
            TargetJvm target = TargetJvm.at(line.positionals().get(0));
            TargetJvm.requireSonde(target.pid(), target.systemProperties());
            String fileText = file == null ? "" : file.toString();
            Path written = Paths.get(target.control(sonde -> sonde.dumpTo(fileText, reset), AgentRequest.dump(file, reset)));
            out.println("sonde dump: JVM " + target.pid() + " wrote " + written
                    + (reset ? "; a new window starts now" : ""));
            show(written, target.pid(), out);
            return Main.OK;
        } catch (TargetException e) {
            err.println("sonde dump: " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** The top operations, read from the file; in a container the file is under /proc/<pid>/root. */
    private static void show(Path written, long pid, PrintStream out) {
        Path readable = Files.isReadable(written) ? written : Paths.get("/proc/" + pid + "/root" + written);
        ReportFile report;
        try {
            report = new ReportReader().read(readable);
        } catch (UnreadableReportException e) {
            out.println("(cannot show it here: " + e.getMessage() + ")");
            return;
        }
        ReportView view = ReportView.of(report, OperationOrder.named("total").orElseThrow(), TOP);
        PrintWriter writer = new PrintWriter(out);
        out.println();
        new TableReportWriter().write(view, writer);
        writer.flush();
    }
}
