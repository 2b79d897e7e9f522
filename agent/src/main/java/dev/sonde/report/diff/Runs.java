package dev.sonde.report.diff;

import dev.sonde.report.OperationReport;
import dev.sonde.report.Report;
import dev.sonde.report.ReportFile;
import dev.sonde.report.ReportMerger;
import dev.sonde.report.UnreadableReportException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One side of a diff: a report, or several runs of the same build under the same load. Several runs
 * are merged (histograms added, so the percentiles are those of all their calls), and the spread of
 * their own figures is kept: it is run-to-run noise (JIT, machine load) that no single run's calls
 * show, so an interval is stretched to take in every run's figure.
 */
public final class Runs {

    private final List<ReportFile> files;
    private final ReportFile merged;

    private Runs(List<ReportFile> files, ReportFile merged) {
        this.files = List.copyOf(files);
        this.merged = merged;
    }

    /** One report. */
    public static Runs of(ReportFile file) {
        return new Runs(List.of(file), file);
    }

    /** One or more reports, merged when several. */
    public static Runs of(List<ReportFile> files) throws UnreadableReportException {
        if (files.size() == 1) {
            return of(files.get(0));
        }
        Report report = new ReportMerger().merge(files);
        return new Runs(files, new ReportFile(files.get(0).path(), report, List.of()));
    }

    /** The first report's path: the one to name this side by in titles. */
    public Path path() {
        return merged.path();
    }

    /** The report, merged when there are several. */
    public Report report() {
        return merged.report();
    }

    public List<ReportFile> files() {
        return files;
    }

    /** {@code base.json}, or {@code 3 runs merged: a.json, b.json, c.json}. */
    public String describe() {
        if (files.size() == 1) {
            return merged.path().toString();
        }
        return files.size() + " runs merged: " + files.stream().map(f -> f.path().toString()).collect(Collectors.joining(", "));
    }

    /**
     * The metric of the operation over all runs with its interval: stretched to take in each run's
     * own figure when there are several runs, widened by the drift one run may have ({@link RunNoise})
     * when there is one.
     */
    MetricEstimate estimate(Metric metric, OperationReport operation, MetricEstimator estimator) {
        MetricEstimate estimate = estimator.estimate(metric, operation);
        if (files.size() == 1) {
            return RunNoise.allowFor(estimate, estimator.confidence());
        }
        if (!estimate.hasInterval()) {
            return estimate;
        }
        for (ReportFile run : files) {
            OptionalLong figure = figureIn(run, operation.name, metric);
            if (figure.isPresent()) {
                estimate = estimate.covering(figure.getAsLong());
            }
        }
        return estimate;
    }

    private static OptionalLong figureIn(ReportFile run, String name, Metric metric) {
        return run.report().operations.stream().filter(o -> Objects.equals(o.name, name) && o.count > 0)
                .findFirst().map(metric::of).orElse(OptionalLong.empty());
    }
}
