package dev.sonde.report.view;

import dev.sonde.report.OperationReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The bottlenecks a report points at, each with the figure that earned it: highest p99, most total
 * time, highest error rate, highest variance (p99 ÷ p50) and most allocation per call. Only
 * operations with at least {@link #MIN_CALLS} calls are candidates: a one-call {@code main} is not a
 * bottleneck because its single call is its p99 and covers everything it calls. A finding is left
 * out when the report has no data for it (no errors, no allocation figures, no operation with
 * enough calls). Ties go to the name that sorts first.
 */
public final class Findings {

    /**
     * Below this many calls a p99 is the slowest call or two, an error rate a coin toss, a total one
     * entry point's: not evidence of a bottleneck.
     */
    public static final int MIN_CALLS = 10;
    /** A p99 less than this many times the p50 is an ordinary spread, not a finding. */
    public static final double MIN_SPREAD = 2.0;

    private Findings() {
    }

    /** The findings over all the given operations, in a fixed order. */
    public static List<Finding> of(List<OperationReport> operations) {
        List<Finding> findings = new ArrayList<>();
        highestP99(operations).ifPresent(findings::add);
        mostTotalTime(operations).ifPresent(findings::add);
        highestErrorRate(operations).ifPresent(findings::add);
        highestSpread(operations).ifPresent(findings::add);
        mostAllocationPerCall(operations).ifPresent(findings::add);
        return findings;
    }

    private static Optional<Finding> highestP99(List<OperationReport> operations) {
        return top(operations, Comparator.comparingLong(o -> o.latencyNs.p99), o -> o.count >= MIN_CALLS)
                .map(o -> new Finding("highestP99", "highest p99", o.name, HumanUnits.duration(o.latencyNs.p99),
                        "p50 " + HumanUnits.duration(o.latencyNs.p50) + ", " + calls(o.count), o.latencyNs.p99, "ns"));
    }

    private static Optional<Finding> mostTotalTime(List<OperationReport> operations) {
        return top(operations, Comparator.comparingLong(o -> o.latencyNs.total), o -> o.count >= MIN_CALLS)
                .map(o -> new Finding("mostTotalTime", "most total time", o.name, HumanUnits.duration(o.latencyNs.total),
                        calls(o.count) + ", mean " + HumanUnits.duration(o.latencyNs.mean), o.latencyNs.total, "ns"));
    }

    private static Optional<Finding> highestErrorRate(List<OperationReport> operations) {
        Comparator<OperationReport> byRate = Comparator.comparingDouble(Findings::errorPercent);
        return top(operations, byRate.thenComparingLong(o -> o.errors), o -> o.errors > 0 && o.count >= MIN_CALLS)
                .map(o -> new Finding("highestErrorRate", "highest error rate", o.name,
                        HumanUnits.percent(errorPercent(o)), o.errors + " of " + calls(o.count), errorPercent(o), "percent"));
    }

    private static Optional<Finding> highestSpread(List<OperationReport> operations) {
        return top(operations, Comparator.comparingDouble(Findings::spread),
                o -> o.count >= MIN_CALLS && o.latencyNs.p50 > 0 && spread(o) >= MIN_SPREAD)
                .map(o -> new Finding("highestVariance", "highest variance (p99/p50)", o.name,
                        HumanUnits.ratio(spread(o)), "p99 " + HumanUnits.duration(o.latencyNs.p99) + " vs p50 "
                        + HumanUnits.duration(o.latencyNs.p50), spread(o), "ratio"));
    }

    private static Optional<Finding> mostAllocationPerCall(List<OperationReport> operations) {
        return top(operations, Comparator.comparingLong(o -> o.allocBytes.mean), o -> o.count >= MIN_CALLS && o.allocBytes != null && o.allocBytes.mean > 0)
                .map(o -> new Finding("mostAllocationPerCall", "most allocation per call", o.name,
                        HumanUnits.bytes(o.allocBytes.mean) + "/call", "p99 " + HumanUnits.bytes(o.allocBytes.p99) + ", total "
                        + HumanUnits.bytes(o.allocBytes.total), o.allocBytes.mean, "bytes"));
    }

    private static Optional<OperationReport> top(List<OperationReport> operations, Comparator<OperationReport> figure,
                                                 java.util.function.Predicate<OperationReport> eligible) {
        return operations.stream().filter(eligible)
                .min(figure.reversed().thenComparing(o -> o.name));
    }

    private static double errorPercent(OperationReport operation) {
        return 100.0 * operation.errors / operation.count;
    }

    private static double spread(OperationReport operation) {
        return (double) operation.latencyNs.p99 / operation.latencyNs.p50;
    }

    private static String calls(long count) {
        return count == 1 ? "1 call" : count + " calls";
    }
}
