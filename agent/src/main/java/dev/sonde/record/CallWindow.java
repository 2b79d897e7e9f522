package dev.sonde.record;

/**
 * One call of a followed operation: the thread it ran on and when, in {@link System#nanoTime()}.
 * Immutable.
 */
public final class CallWindow {

    private final String operation;
    private final long thread;
    private final long startNanos;
    private final long endNanos;

    public CallWindow(String operation, long thread, long startNanos, long endNanos) {
        this.operation = operation;
        this.thread = thread;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
    }

    public String operation() {
        return operation;
    }

    /** The calling thread's OS id, or its {@link Thread#getId()} (see {@link CallWindows#osThreadIds()}). */
    public long thread() {
        return thread;
    }

    public long startNanos() {
        return startNanos;
    }

    public long endNanos() {
        return endNanos;
    }

    public long nanos() {
        return endNanos - startNanos;
    }
}
