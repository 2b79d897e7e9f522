package dev.sonde.record;

/**
 * The recording used by virtual threads: they are many and short-lived, so instead of buffers and
 * frames of their own they record straight into the operation's totals, under its lock. Their calls
 * have a duration but no self time, and their allocation counts as unavailable (the JVM's counter
 * does not follow a virtual thread across carriers).
 */
final class SharedRecording extends ThreadRecording {

    private final OperationRegistry registry;
    private final RecordingOptions options;
    /** Handed out by {@link #enter} and {@link #current}; its fields are never used. */
    private final Frame marker = new Frame(this, 0);

    /**
     * The JDBC nesting guard of virtual threads (they share this recording). Removed when the
     * outermost call returns, so a virtual thread keeps no entry between calls.
     */
    private final ThreadLocal<Boolean> inJdbc = new ThreadLocal<>();

    SharedRecording(OperationRegistry registry, RecordingOptions options) {
        super(registry, options, null);
        this.registry = registry;
        this.options = options;
    }

    @Override
    Frame enter() {
        return marker;
    }

    @Override
    Frame current() {
        return marker;
    }

    @Override
    void exit(Frame frame, int operation, long nanos, boolean failed) {
        long allocation = options.allocation() ? AllocationCounter.UNAVAILABLE : CallBuffer.NOT_RECORDED;
        record(operation, nanos, CallBuffer.NOT_RECORDED, allocation, failed);
    }

    @Override
    boolean claimJdbc() {
        if (inJdbc.get() != null) {
            return false;
        }
        inJdbc.set(Boolean.TRUE);
        return true;
    }

    @Override
    void releaseJdbc() {
        inJdbc.remove();
    }

    /** Virtual threads share this recording, so each lookup takes its own probe. */
    @Override
    WeakIdentityMap.Probe statementProbe() {
        return new WeakIdentityMap.Probe();
    }

    @Override
    void exitPending(Frame frame, long nanos) {
        // No frames to close.
    }

    @Override
    void recordCancelled(int operation) {
        registry.operation(operation).totals.recordCancelled((int) Thread.currentThread().getId());
    }

    @Override
    void exitConstructor(Frame frame, int operation, long nanos, long calleeNanosAtStart, long allocationAtStart) {
        exit(frame, operation, nanos, false);
    }

    @Override
    void record(int operation, long nanos, long selfNanos, long allocatedBytes, int statusClass, boolean failed) {
        // The thread id spreads virtual threads over the stripes an operation already has.
        int probe = (int) Thread.currentThread().getId();
        registry.operation(operation).totals.recordOne(probe, nanos, selfNanos, allocatedBytes, statusClass, failed);
    }

    @Override
    void recordCompletion(int operation, long nanos, long allocatedBytes, int statusClass, boolean failed) {
        record(operation, nanos, CallBuffer.NOT_RECORDED, allocatedBytes, statusClass, failed);
    }

    @Override
    CallBuffer pending(int operation) {
        return null;
    }

    @Override
    boolean ownerFinished() {
        return false;
    }
}
