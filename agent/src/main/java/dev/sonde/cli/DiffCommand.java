package dev.sonde.cli;

import dev.sonde.report.ReportFile;
import dev.sonde.report.ReportReader;
import dev.sonde.report.UnreadableReportException;
import dev.sonde.report.WriteProblem;
import dev.sonde.report.diff.Confidence;
import dev.sonde.report.diff.DiffHtmlWriter;
import dev.sonde.report.diff.DiffJsonWriter;
import dev.sonde.report.diff.DiffMarkdownWriter;
import dev.sonde.report.diff.DiffRule;
import dev.sonde.report.diff.DiffTableWriter;
import dev.sonde.report.diff.Metric;
import dev.sonde.report.diff.ReportDiff;
import dev.sonde.report.diff.Runs;
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
 * {@code diff BASE CURRENT} or {@code diff BASE... vs CURRENT...}: compares two reports, or two sets
 * of runs, under a {@link DiffRule}; exit status 1 when an operation regressed, so it can gate a CI
 * job as is. Inconclusive metrics are shown and never fail.
 */
final class DiffCommand implements Command {

    static final int REGRESSION = 1;
    /** Separates several base reports from several current ones. */
    static final String VERSUS = "vs";

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
                "           [--confidence 95%] [--min-count 10] [--min-delta 1ms[,1KiB]] [--format FORMAT] [--out FILE]",
                "       java -jar sonde-agent.jar diff BASE... vs CURRENT... [options]   (several runs a side)",
                "",
                "An operation regresses when a chosen metric grows by more than the threshold AND by more",
                "than the min-delta floor AND the current run's confidence interval of that metric lies",
                "wholly above the base run's. A change past the rule whose intervals overlap, or a metric",
                "a run has too few calls to bound (p99 needs 555 at 95%), is inconclusive: shown, never",
                "failing. Several runs a side are merged, and their spread widens the intervals.",
                "Operations with fewer than min-count calls in either run are not compared; new and",
                "vanished operations are listed apart.",
                "",
                "  --threshold P   relative growth that counts, in percent (default 10%)",
                "  --confidence C  of each run's interval, in percent (default 95%)",
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
        CommandLine line = CommandLine.parse(args, Set.of("threshold", "metric", "confidence", "min-count", "min-delta",
                "format", "out"));
        List<List<String>> sides = sides(line.positionals());
        DiffRule rule = rule(line);
        OutputFormat format = OutputFormat.parse(line.option("format").orElse("table"), OutputFormat.all());
        Path target = FileArgument.out(line);
        ReportDiff diff;
        try {
            diff = ReportDiff.of(read(sides.get(0)), read(sides.get(1)), rule);
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

    /** {@code [BASE], [CURRENT]} from {@code BASE CURRENT}, or the two lists of {@code BASE... vs CURRENT...}. */
    private static List<List<String>> sides(List<String> positionals) throws UsageException {
        int versus = positionals.indexOf(VERSUS);
        if (versus < 0) {
            if (positionals.size() != 2) {
                throw new UsageException("give two reports, BASE and CURRENT, or several a side: BASE... vs CURRENT...");
            }
            return List.of(positionals.subList(0, 1), positionals.subList(1, 2));
        }
        List<String> base = positionals.subList(0, versus);
        List<String> current = positionals.subList(versus + 1, positionals.size());
        if (base.isEmpty() || current.isEmpty() || current.contains(VERSUS)) {
            throw new UsageException("give one report or more on each side of 'vs': BASE... vs CURRENT...");
        }
        return List.of(base, current);
    }

    private static Runs read(List<String> paths) throws UnreadableReportException, UsageException {
        ReportReader reader = new ReportReader();
        List<ReportFile> files = new ArrayList<>();
        for (String path : paths) {
            ReportFile file = reader.read(FileArgument.of(path));
            requireOperations(file);
            files.add(file);
        }
        return Runs.of(files);
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
        return new DiffRule(threshold, metrics, minCount, minDelta.nanos(), minDelta.bytes(), confidence(line));
    }

    private static Confidence confidence(CommandLine line) throws UsageException {
        if (line.option("confidence").isEmpty()) {
            return Confidence.defaults();
        }
        BigDecimal percent = Quantity.percent("confidence", line.option("confidence").get());
        try {
            return Confidence.percent(percent);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--confidence takes a percentage from 50% to below 100% such as 95%, not '"
                    + line.option("confidence").get() + "'");
        }
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
