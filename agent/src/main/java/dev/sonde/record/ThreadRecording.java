package dev.sonde.record;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * The calls one platform thread has recorded and not yet handed over, one {@link CallBuffer} per
 * operation it has called.
 *
 * <p>Only the owning thread writes. {@link #record} takes no lock and allocates nothing, except the
 * first time the thread calls an operation (its buffer) or an id beyond the array (a larger array).
 */
class ThreadRecording {

    private final OperationRegistry registry;
    private final WeakReference<Thread> owner;
    /** Volatile so that a snapshot sees the array a writer grew; written only when growing. */
    private volatile CallBuffer[] buffers = new CallBuffer[16];

    ThreadRecording(OperationRegistry registry, Thread owner) {
        this.registry = registry;
        this.owner = new WeakReference<>(owner);
    }

    void record(int operation, long nanos, boolean failed) {
        CallBuffer[] current = buffers;
        CallBuffer buffer = operation < current.length ? current[operation] : null;
        if (buffer == null) {
            buffer = newBuffer(operation);
        }
        if (buffer.add(nanos, failed)) {
            registry.operation(operation).totals.absorb(buffer);
        }
    }

    private CallBuffer newBuffer(int operation) {
        CallBuffer[] current = buffers;
        if (operation >= current.length) {
            current = Arrays.copyOf(current, Math.max(operation + 1, current.length * 2));
        }
        CallBuffer buffer = new CallBuffer();
        current[operation] = buffer;
        buffers = current;
        return buffer;
    }

    /** The buffer for an operation, or null if this thread never called it. Any thread may ask. */
    CallBuffer pending(int operation) {
        CallBuffer[] current = buffers;
        return operation < current.length ? current[operation] : null;
    }

    /** Whether the owning thread has ended (then its buffers are final and can be folded). */
    boolean ownerFinished() {
        Thread thread = owner.get();
        return thread == null || !thread.isAlive();
    }

    /** Hands every buffer to its operation's totals; only once the owner has finished. */
    void foldInto(OperationRegistry target) {
        CallBuffer[] current = buffers;
        for (int id = 0; id < current.length; id++) {
            if (current[id] != null) {
                target.operation(id).totals.absorb(current[id]);
            }
        }
    }
}
