package dev.sonde.record;

/**
 * One operation's figures as a metrics export reads them ({@link ThreadLocalRecorder#countsOfChanged}):
 * its counters and the {@link RecordedValues} of its durations and allocated bytes, read from the
 * recording without copying a histogram. Self time is not read: no export has it. Immutable.
 */
public final class OperationCounts {

    private final Operation operation;
    private final CallCounters counters;
    private final RecordedValues latency;
    private final RecordedValues allocation;

    OperationCounts(Operation operation, CallCounters counters, RecordedValues latency, RecordedValues allocation) {
        this.operation = operation;
        this.counters = counters;
        this.latency = latency;
        this.allocation = allocation;
    }

    public String name() {
        return operation.name;
    }

    public OperationKind kind() {
        return operation.kind;
    }

    /** Calls and cancellations: it changes with every call recorded, as {@link OperationSnapshot#calls()} does. */
    public long calls() {
        return latency.count() + counters.cancelled();
    }

    public long errors() {
        return counters.errors();
    }

    /** Responses per status class: index 1 = 1xx ... 5 = 5xx, index 0 = no status set. */
    public long[] statusClasses() {
        return counters.statusClasses();
    }

    /** Durations in nanoseconds; their count is the operation's calls, without cancellations. */
    public RecordedValues latency() {
        return latency;
    }

    /** Allocated bytes of the calls whose allocation was measured (none with {@code alloc=off}). */
    public RecordedValues allocation() {
        return allocation;
    }
}
