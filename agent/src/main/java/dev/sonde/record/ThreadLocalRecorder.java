package dev.sonde.record;

import dev.sonde.bootstrap.Sink;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@link Sink} behind every instrumented call: each platform thread writes into its own
 * {@link ThreadRecording}, so the hot path is a thread-local lookup and an array store, with no
 * lock, no shared atomic and no allocation. Virtual threads share a {@link SharedRecording}.
 *
 * <p>Concurrency contract: {@link #record} is called by application threads, wait-free except one
 * flush per {@link CallBuffer#CAPACITY} calls of an operation on a thread. {@link #snapshot} and
 * {@link #foldFinishedThreads} may be called from any thread and block writers of an operation only
 * while that operation is being copied.
 */
public final class ThreadLocalRecorder implements Sink {

    private final OperationRegistry registry;
    private final SharedRecording shared;
    private final ConcurrentLinkedQueue<ThreadRecording> threads = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<ThreadRecording> current = ThreadLocal.withInitial(this::recordingForCurrentThread);

    public ThreadLocalRecorder(OperationRegistry registry) {
        this.registry = registry;
        this.shared = new SharedRecording(registry);
    }

    @Override
    public void record(int operation, long nanos, boolean failed) {
        Thread thread = Thread.currentThread();
        // Checked before the thread-local lookup: a virtual thread must not even get a ThreadLocal
        // entry (about 130 bytes each, times 100 000 threads).
        if (VirtualThreads.isVirtual(thread)) {
            shared.record(operation, nanos, failed);
        } else {
            current.get().record(operation, nanos, failed);
        }
    }

    private ThreadRecording recordingForCurrentThread() {
        ThreadRecording recording = new ThreadRecording(registry, Thread.currentThread());
        threads.add(recording);
        return recording;
    }

    /** Hands the buffers of ended threads to the totals and forgets those threads (thread-pool churn). */
    public void foldFinishedThreads() {
        for (Iterator<ThreadRecording> it = threads.iterator(); it.hasNext(); ) {
            ThreadRecording recording = it.next();
            if (recording.ownerFinished()) {
                recording.foldInto(registry);
                it.remove();
            }
        }
    }

    /** Cumulative figures of every operation called at least once, since recording began. */
    public List<OperationSnapshot> snapshot() {
        foldFinishedThreads();
        List<OperationSnapshot> result = new ArrayList<>();
        for (Operation operation : registry.all()) {
            List<CallBuffer> pending = new ArrayList<>();
            for (ThreadRecording recording : threads) {
                CallBuffer buffer = recording.pending(operation.id);
                if (buffer != null) {
                    pending.add(buffer);
                }
            }
            OperationTotals copy = operation.totals.copyWith(pending);
            if (copy.count() > 0) {
                result.add(new OperationSnapshot(operation.name, operation.kind, copy));
            }
        }
        return result;
    }

    /** Threads that currently own buffers (for diagnostics and memory tests). */
    public int threadsWithBuffers() {
        return threads.size();
    }
}
