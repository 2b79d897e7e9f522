package dev.sonde.cli;

import dev.sonde.report.ReportFile;
import dev.sonde.report.ReportReader;
import dev.sonde.report.UnreadableReportException;
import dev.sonde.report.WriteProblem;
import dev.sonde.report.diff.DiffHtmlWriter;
import dev.sonde.report.diff.DiffJsonWriter;
import dev.sonde.report.diff.DiffMarkdownWriter;
import dev.sonde.report.diff.DiffRule;
import dev.sonde.report.diff.DiffTableWriter;
import dev.sonde.report.diff.Metric;
import dev.sonde.report.diff.ReportDiff;
import dev.sonde.report.view.HumanUnits;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code diff BASE CURRENT}: compares two reports under a {@link DiffRule}; exit status 1 when an
 * operation regressed, so it can gate a CI job as is.
 */
final class DiffCommand implements Command {

    static final int REGRESSION = 1;

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "compare two reports; exit 1 on a regression (a CI gate)";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar sonde-agent.jar diff BASE CURRENT [--threshold 10%] [--metric p50,p95,p99]",
                "           [--min-count 10] [--min-delta 1ms[,1KiB]] [--format FORMAT] [--out FILE]",
                "",
                "An operation regresses when a chosen metric grows by more than the threshold AND by more",
                "than the min-delta floor. Operations with fewer than min-count calls in either run are not",
                "compared; new and vanished operations are listed apart.",
                "",
                "  --threshold P   relative growth that counts, in percent (default 10%)",
                "  --metric LIST   comma-separated, from " + Metric.keys() + " (default p50,p95,p99;",
                "                  alloc = bytes allocated per call)",
                "  --min-count N   compare only operations with at least N calls in both runs (default "
                        + DiffRule.DEFAULT_MIN_COUNT + ")",
                "  --min-delta D   absolute growth that counts: a duration for time metrics (default "
                        + HumanUnits.duration(DiffRule.DEFAULT_MIN_DELTA_NANOS) + "),",
                "                  a size for alloc (default " + HumanUnits.bytes(DiffRule.DEFAULT_MIN_DELTA_BYTES)
                        + "); both: --min-delta 2ms,4KiB",
                "  --format F      table|markdown|json|html (default table)",
                "  --out FILE      write to FILE instead of standard output",
                "",
                "Exit status: 0 no regression, 1 regression, 2 wrong usage, unreadable report or nothing compared.",
                "Reference: docs/cli.md",
                "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandLine line = CommandLine.parse(args, Set.of("threshold", "metric", "min-count", "min-delta", "format", "out"));
        if (line.positionals().size() != 2) {
            throw new UsageException("give two reports, BASE and CURRENT");
        }
        DiffRule rule = rule(line);
        OutputFormat format = OutputFormat.parse(line.option("format").orElse("table"), OutputFormat.all());
        Path target = FileArgument.out(line);
        ReportDiff diff;
        try {
            ReportReader reader = new ReportReader();
            ReportFile base = reader.read(FileArgument.of(line.positionals().get(0)));
            ReportFile current = reader.read(FileArgument.of(line.positionals().get(1)));
            requireOperations(base);
            requireOperations(current);
            diff = ReportDiff.of(base, current, rule);
        } catch (UnreadableReportException e) {
            err.println("sonde diff: " + e.getMessage());
            return Main.USAGE;
        }
        List<Metric> absent = diff.metricsAbsentFromBothReports();
        if (!absent.isEmpty()) {
            err.println("sonde diff: --metric " + absent.stream().map(Metric::key).collect(Collectors.joining(","))
                    + ": neither report has these figures for any operation (allocation needs alloc=on)");
            return Main.USAGE;
        }
        Optional<String> nothingCompared = NothingCompared.in(diff);
        if (nothingCompared.isPresent()) {
            err.println("sonde diff: " + nothingCompared.get());
            return Main.USAGE;
        }
        try {
            TextOutput.deliver(render(diff, format), target, out);
        } catch (IOException e) {
            err.println("sonde diff: cannot write " + target + ": " + WriteProblem.describe(target, e));
            return Main.USAGE;
        }
        if (target != null) {
            out.println("sonde diff: " + (diff.hasRegression() ? "REGRESSION: " : "OK: ") + diff.verdict()
                    + "; wrote " + target.toAbsolutePath());
        }
        return diff.hasRegression() ? REGRESSION : Main.OK;
    }

    /**
     * A run that recorded nothing (an include pattern that matches nothing, a test that did not run)
     * must not pass a gate by having nothing to compare.
     */
    private static void requireOperations(ReportFile file) throws UnreadableReportException {
        if (file.report().operations.isEmpty()) {
            throw new UnreadableReportException(file.path(),
                    "has no operations, so there is nothing to compare (did the run call any included method?)");
        }
    }

    private static DiffRule rule(CommandLine line) throws UsageException {
        BigDecimal threshold = line.option("threshold").isPresent()
                ? Quantity.percent("threshold", line.option("threshold").get()) : DiffRule.DEFAULT_THRESHOLD_PERCENT;
        List<Metric> metrics = line.option("metric").isPresent() ? metrics(line.option("metric").get()) : DiffRule.DEFAULT_METRICS;
        long minCount = line.option("min-count").isPresent()
                ? Quantity.whole("min-count", line.option("min-count").get(), 0) : DiffRule.DEFAULT_MIN_COUNT;
        MinDelta minDelta = line.option("min-delta").isPresent() ? MinDelta.parse(line.option("min-delta").get()) : MinDelta.defaults();
        return new DiffRule(threshold, metrics, minCount, minDelta.nanos(), minDelta.bytes());
    }

    private static List<Metric> metrics(String list) throws UsageException {
        Set<Metric> metrics = new LinkedHashSet<>();
        for (String key : list.split(",")) {
            if (!key.isBlank()) {
                metrics.add(Metric.named(key).orElseThrow(
                        () -> new UsageException("--metric takes " + Metric.keys() + ", not '" + key.trim() + "'")));
            }
        }
        if (metrics.isEmpty()) {
            throw new UsageException("--metric needs at least one of " + Metric.keys());
        }
        return new ArrayList<>(metrics);
    }

    private static String render(ReportDiff diff, OutputFormat format) {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        switch (format) {
            case MARKDOWN:
                new DiffMarkdownWriter().write(diff, writer);
                break;
            case JSON:
                new DiffJsonWriter().write(diff, writer);
                break;
            case HTML:
                new DiffHtmlWriter().write(diff, writer);
                break;
            default:
                new DiffTableWriter().write(diff, writer);
        }
        writer.flush();
        return text.toString();
    }
}
