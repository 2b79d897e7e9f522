package dev.sonde.report.diff;

import dev.sonde.report.OperationReport;
import dev.sonde.report.ReportFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Two sides of the same service (a report each, or several runs each) compared operation by
 * operation under a {@link DiffRule}. Operations are matched by name. Those in both with enough
 * calls are compared (regressed first, worst first; then improved; then inconclusive; then the rest
 * by current total time); the others are listed apart: new (current only), vanished (base only) and
 * ignored (too few calls in a run).
 */
public final class ReportDiff {

    private final Runs base;
    private final Runs current;
    private final DiffRule rule;
    private final List<OperationDiff> compared = new ArrayList<>();
    private final List<OperationReport> added = new ArrayList<>();
    private final List<OperationReport> vanished = new ArrayList<>();
    private final List<IgnoredOperation> ignored = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private ReportDiff(Runs base, Runs current, DiffRule rule) {
        this.base = base;
        this.current = current;
        this.rule = rule;
    }

    /** Compares the report {@code current} against the report {@code base}. */
    public static ReportDiff of(ReportFile base, ReportFile current, DiffRule rule) {
        return of(Runs.of(base), Runs.of(current), rule);
    }

    /** Compares {@code current} against {@code base}. */
    public static ReportDiff of(Runs base, Runs current, DiffRule rule) {
        ReportDiff diff = new ReportDiff(base, current, rule);
        MetricEstimator estimator = new MetricEstimator(rule.confidence());
        Map<String, OperationReport> before = byName(base.report().operations);
        Map<String, OperationReport> after = byName(current.report().operations);
        for (OperationReport now : after.values()) {
            OperationReport then = before.get(now.name);
            if (then == null) {
                diff.added.add(now);
            } else if (!rule.compares(then.count, now.count)) {
                diff.ignored.add(new IgnoredOperation(now.name, then.count, now.count));
            } else {
                diff.compared.add(compare(then, now, diff, estimator));
            }
        }
        before.values().stream().filter(o -> !after.containsKey(o.name)).forEach(diff.vanished::add);
        diff.compared.sort(Comparator.comparingInt(ReportDiff::group)
                .thenComparing(Comparator.comparingDouble(OperationDiff::worstGrowth).reversed())
                .thenComparing(Comparator.comparingLong((OperationDiff d) -> d.current().latencyNs.total).reversed())
                .thenComparing(OperationDiff::name));
        diff.added.sort(Comparator.comparing(o -> o.name));
        diff.vanished.sort(Comparator.comparing(o -> o.name));
        diff.notes.addAll(diff.absentMetricNotes());
        return diff;
    }

    private static OperationDiff compare(OperationReport then, OperationReport now, ReportDiff diff, MetricEstimator estimator) {
        List<MetricChange> changes = new ArrayList<>();
        for (Metric metric : diff.rule.metrics()) {
            if (metric.of(then).isPresent() && metric.of(now).isPresent()) {
                changes.add(diff.rule.judge(metric, diff.base.estimate(metric, then, estimator),
                        diff.current.estimate(metric, now, estimator)));
            }
        }
        return new OperationDiff(then, now, changes);
    }

    private static int group(OperationDiff diff) {
        return diff.regressed() ? 0 : diff.improved() ? 1 : diff.inconclusive() ? 2 : 3;
    }

    private static Map<String, OperationReport> byName(List<OperationReport> operations) {
        Map<String, OperationReport> byName = new LinkedHashMap<>();
        operations.forEach(o -> byName.putIfAbsent(o.name, o));
        return byName;
    }

    /** A chosen metric that some compared operation lacks in a run is worth a word: it was not gated on. */
    private List<String> absentMetricNotes() {
        List<String> absent = new ArrayList<>();
        for (Metric metric : rule.metrics()) {
            long missing = compared.stream().filter(d -> d.change(metric) == null).count();
            if (missing > 0) {
                absent.add(metric.key() + " not compared for " + missing + " of " + compared.size()
                        + " operations: a run has no figures for it (allocation recording off?)");
            }
        }
        return absent;
    }

    /**
     * Chosen metrics that neither report has for any operation: the comparison cannot mean what was
     * asked (e.g. {@code --metric alloc} on reports recorded with {@code alloc=off}).
     */
    public List<Metric> metricsAbsentFromBothReports() {
        return rule.metrics().stream()
                .filter(m -> absentFrom(base, m) && absentFrom(current, m))
                .collect(Collectors.toList());
    }

    private static boolean absentFrom(Runs runs, Metric metric) {
        return runs.report().operations.stream().noneMatch(o -> metric.of(o).isPresent());
    }

    public Runs base() {
        return base;
    }

    public Runs current() {
        return current;
    }

    public DiffRule rule() {
        return rule;
    }

    /** Operations in both runs with enough calls, regressed first. */
    public List<OperationDiff> compared() {
        return compared;
    }

    public List<OperationDiff> regressed() {
        return compared.stream().filter(OperationDiff::regressed).collect(Collectors.toList());
    }

    public boolean hasRegression() {
        return compared.stream().anyMatch(OperationDiff::regressed);
    }

    /** Operations only in the current run. */
    public List<OperationReport> added() {
        return added;
    }

    /** Operations only in the base run. */
    public List<OperationReport> vanished() {
        return vanished;
    }

    /** Operations in both runs, not compared for too few calls. */
    public List<IgnoredOperation> ignored() {
        return ignored;
    }

    /** Remarks about what was not compared. */
    public List<String> notes() {
        return notes;
    }

    /** Operations neither regressed nor improved with a metric the rule could not decide. */
    public List<OperationDiff> inconclusive() {
        return compared.stream().filter(OperationDiff::inconclusive).collect(Collectors.toList());
    }

    /**
     * {@code 2 regressed of 11 compared operations} or {@code no regression in 11 compared operations},
     * followed by {@code , 3 inconclusive} when some operations could not be decided.
     */
    public String verdict() {
        int regressed = regressed().size();
        String compared = this.compared.size() == 1 ? "1 compared operation" : this.compared.size() + " compared operations";
        String verdict = regressed == 0 ? "no regression in " + compared : regressed + " regressed of " + compared;
        int inconclusive = inconclusive().size();
        return inconclusive == 0 ? verdict : verdict + ", " + inconclusive + " inconclusive";
    }
}
