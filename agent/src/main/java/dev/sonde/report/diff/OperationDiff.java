package dev.sonde.report.diff;

import dev.sonde.report.OperationReport;

import java.util.List;

/**
 * One operation present in both runs with enough calls to compare: its two reports and a
 * {@link MetricChange} per chosen metric that both runs have (allocation may be absent in one).
 */
public final class OperationDiff {

    private final OperationReport base;
    private final OperationReport current;
    private final List<MetricChange> changes;

    OperationDiff(OperationReport base, OperationReport current, List<MetricChange> changes) {
        this.base = base;
        this.current = current;
        this.changes = List.copyOf(changes);
    }

    public String name() {
        return current.name;
    }

    public OperationReport base() {
        return base;
    }

    public OperationReport current() {
        return current;
    }

    /** The compared metrics, in the order the rule lists them. */
    public List<MetricChange> changes() {
        return changes;
    }

    public boolean regressed() {
        return changes.stream().anyMatch(c -> c.verdict() == MetricChange.Verdict.REGRESSED);
    }

    /** Improved in some metric and regressed in none. */
    public boolean improved() {
        return !regressed() && changes.stream().anyMatch(c -> c.verdict() == MetricChange.Verdict.IMPROVED);
    }

    /** Neither regressed nor improved, and some metric could not be decided. */
    public boolean inconclusive() {
        return !regressed() && !improved() && changes.stream().anyMatch(c -> c.verdict() == MetricChange.Verdict.INCONCLUSIVE);
    }

    /**
     * {@code regressed}, {@code improved}, {@code inconclusive} or {@code unchanged} (within the rule,
     * though its figures may have moved).
     */
    public String status() {
        return regressed() ? "regressed" : improved() ? "improved" : inconclusive() ? "inconclusive" : "unchanged";
    }

    /** The metrics the rule could not decide, with their reasons. */
    public List<MetricChange> inconclusiveChanges() {
        return changes.stream().filter(c -> c.verdict() == MetricChange.Verdict.INCONCLUSIVE).collect(java.util.stream.Collectors.toList());
    }

    /** The change of the given metric, or null when it was not compared. */
    public MetricChange change(Metric metric) {
        return changes.stream().filter(c -> c.metric() == metric).findFirst().orElse(null);
    }

    /** The largest relative growth among regressed metrics (for ordering the worst first). */
    double worstGrowth() {
        return changes.stream().filter(c -> c.verdict() == MetricChange.Verdict.REGRESSED)
                .mapToDouble(MetricChange::percentChange).max().orElse(0);
    }
}
