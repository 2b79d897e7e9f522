package dev.sonde.record;

/**
 * A metrics export's read of the operations ({@link ThreadLocalRecorder#countsOfChanged}): each
 * operation's stripes and pending buffers are added here, under its stripes' locks, as a
 * snapshot's copy adds them ({@link OperationTotals#addAll}, {@link OperationTotals#addBuffer}),
 * but into counts by bucket rather than into copied histograms, and without self time.
 * One read at a time; {@link #finish} hands out an operation's figures and starts the next one.
 */
final class CountsRead {

    private CallCounters counters = new CallCounters();
    private final ValueBuckets latency = new ValueBuckets();
    private final ValueBuckets allocation = new ValueBuckets();

    void addAll(OperationTotals totals) {
        counters.addAll(totals.counters());
        latency.addAll(totals.latency());
        allocation.addAll(totals.allocation());
    }

    /** Every call of {@code buffer} and of its overflow. */
    void addBuffer(CallBuffer buffer) {
        addCalls(buffer);
        CallBuffer overflow = buffer.publishedOverflow();
        if (overflow != null) {
            addCalls(overflow);
        }
    }

    private void addCalls(CallBuffer buffer) {
        int size = counters.addCallsOf(buffer);
        latency.addEach(buffer.nanos, size);
        if (buffer.allocatedBytes != null) {
            allocation.addMeasured(buffer.allocatedBytes, size);
        }
    }

    OperationCounts finish(Operation operation) {
        OperationCounts read = new OperationCounts(operation, counters, latency.read(), allocation.read());
        counters = new CallCounters();
        return read;
    }
}
