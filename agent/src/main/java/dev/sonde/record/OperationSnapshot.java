package dev.sonde.record;

import org.HdrHistogram.Histogram;

/** One operation's figures at the moment of a snapshot. Immutable once built. */
public final class OperationSnapshot {

    private final Operation operation;
    private final OperationTotals totals;

    OperationSnapshot(Operation operation, OperationTotals totals) {
        this.operation = operation;
        this.totals = totals;
    }

    /** The figures recorded since {@code earlier}, a snapshot of the same operation taken before. */
    public OperationSnapshot minus(OperationSnapshot earlier) {
        return new OperationSnapshot(operation, totals.minus(earlier.totals));
    }

    public String name() {
        return operation.name;
    }

    public OperationKind kind() {
        return operation.kind;
    }

    /** For HTTP operations: the request method; null otherwise. */
    public String httpMethod() {
        return operation.httpMethod;
    }

    /** For outbound HTTP calls: the server called, {@code host:port}; null otherwise. */
    public String host() {
        return operation.host;
    }

    /** For SQL statements: the whole normalised text; null otherwise. */
    public String sqlText() {
        return operation.sqlText;
    }

    /** For SQL statements: the verb and main table ({@code SELECT owners}); null otherwise. */
    public String sqlSummary() {
        return operation.sqlSummary;
    }

    /** For HTTP operations: the route template; null otherwise. */
    public String route() {
        return operation.route;
    }

    /** Responses per status class: index 1 = 1xx ... 5 = 5xx, index 0 = no status set. */
    public long[] statusClasses() {
        return totals.statusClasses();
    }

    /** Calls and cancellations: it changes with every call recorded, whatever the call recorded. */
    public long calls() {
        return totals.calls();
    }

    public long count() {
        return totals.latency().count();
    }

    public long errors() {
        return totals.errors();
    }

    /** Asynchronous calls whose result was cancelled; counted apart, not in {@link #count()}. */
    public long cancelled() {
        return totals.cancelled();
    }

    /**
     * Whether the operation has anything to report: a call, or a cancelled one (an operation whose
     * calls were all cancelled is still shown, with its cancellations).
     */
    public boolean wasCalled() {
        return count() > 0 || cancelled() > 0;
    }

    public long totalNanos() {
        return totals.latency().total();
    }

    public long minNanos() {
        return totals.latency().min();
    }

    public long maxNanos() {
        return totals.latency().max();
    }

    /** The latency histogram; callers must not change it. */
    public Histogram latency() {
        return totals.latency().histogram();
    }

    /** Calls whose self time was measured (none when {@code self=off}). */
    public long selfCount() {
        return totals.self().count();
    }

    public long selfTotalNanos() {
        return totals.self().total();
    }

    public Histogram self() {
        return totals.self().histogram();
    }

    /** Calls whose allocation was measured. */
    public long allocationCount() {
        return totals.allocation().count();
    }

    /** Calls whose allocation the JVM could not tell (virtual threads, unsupported JVMs). */
    public long allocationUnavailable() {
        return totals.allocationUnavailable();
    }

    public long allocatedBytesTotal() {
        return totals.allocation().total();
    }

    public long allocatedBytesMax() {
        return totals.allocation().max();
    }

    public Histogram allocation() {
        return totals.allocation().histogram();
    }
}
