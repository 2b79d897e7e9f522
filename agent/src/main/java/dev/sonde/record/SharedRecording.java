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
     * The claims of virtual threads (they share this recording; see {@link ThreadRecording#claim}).
     * Removed when the outermost call returns, so a virtual thread keeps no entry between calls.
     */
    private final ThreadLocal<Integer> claims = new ThreadLocal<>();

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
    void exit(Frame frame, int operation, long nanos, int statusClass, boolean failed) {
        long allocation = options.allocation() ? AllocationCounter.UNAVAILABLE : CallBuffer.NOT_RECORDED;
        record(operation, nanos, CallBuffer.NOT_RECORDED, allocation, statusClass, failed);
    }

    @Override
    boolean claim(int kind) {
        Integer held = claims.get();
        int current = held == null ? 0 : held;
        if ((current & kind) != 0) {
            return false;
        }
        claims.set(current | kind);
        return true;
    }

    @Override
    void release(int kind) {
        Integer held = claims.get();
        int rest = held == null ? 0 : held & ~kind;
        if (rest == 0) {
            claims.remove();
        } else {
            claims.set(rest);
        }
    }

    /** Virtual threads share this recording, so each lookup takes its own probe. */
    @Override
    WeakIdentityMap.Probe identityProbe() {
        return new WeakIdentityMap.Probe();
    }

    @Override
    ClientCalls.Probe clientProbe() {
        return new ClientCalls.Probe();
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
