package dev.sonde.record;

import org.HdrHistogram.Histogram;

/** One operation's figures at the moment of a snapshot. Immutable once built. */
public final class OperationSnapshot {

    private final String name;
    private final OperationKind kind;
    private final OperationTotals totals;

    OperationSnapshot(String name, OperationKind kind, OperationTotals totals) {
        this.name = name;
        this.kind = kind;
        this.totals = totals;
    }

    public String name() {
        return name;
    }

    public OperationKind kind() {
        return kind;
    }

    public long count() {
        return totals.count();
    }

    public long errors() {
        return totals.errors();
    }

    public long totalNanos() {
        return totals.totalNanos();
    }

    public long minNanos() {
        return totals.minNanos();
    }

    public long maxNanos() {
        return totals.maxNanos();
    }

    /** The latency histogram; callers must not change it. */
    public Histogram latency() {
        return totals.latency();
    }
}
