package dev.sonde.record;

/**
 * The recording used by virtual threads: they are many and short-lived, so instead of buffers of
 * their own they record straight into the operation's totals, under its lock.
 */
final class SharedRecording extends ThreadRecording {

    private final OperationRegistry registry;

    SharedRecording(OperationRegistry registry) {
        super(registry, null);
        this.registry = registry;
    }

    @Override
    void record(int operation, long nanos, boolean failed) {
        registry.operation(operation).totals.recordOne(nanos, failed);
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
