package dev.sonde.record;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one platform thread has recorded and not yet handed over, one {@link CallBuffer} per
 * operation it has called, and its stack of open {@link Frame}s. Only methods take frames: a
 * constructor runs in its caller's (see {@link #exitConstructor}), because one that throws never
 * exits and would leave its frame open.
 *
 * <p>Only the owning thread writes; the contract is on {@link ThreadLocalRecorder}.
 */
class ThreadRecording {

    /** Deeper calls are timed, but without self time or allocation: the stack stays bounded. */
    static final int MAX_DEPTH = 1024;

    private static final AtomicInteger THREADS_SEEN = new AtomicInteger();

    private final OperationRegistry registry;
    private final RecordingOptions options;
    private final WeakReference<Thread> owner;
    /** Volatile so that a snapshot sees the array a writer grew; written only when growing. */
    private volatile CallBuffer[] buffers = new CallBuffer[16];
    private Frame[] frames = new Frame[8];
    private int depth = -1;
    /** The frame of no call: outermost calls add their time to it, so a constructor can run in it. */
    private final Frame outermost = new Frame(this, -1);
    /**
     * Which stripe of an operation's {@link StripedTotals} this thread hands buffers to: successive
     * threads start on successive stripes, and a thread that finds its stripe busy moves on.
     */
    private int stripeProbe = THREADS_SEEN.getAndIncrement();
    /** The owner's thread-local slot for this recording (see {@link ThreadLocalRecorder#release}). */
    final Object[] holder = {this};
    /** A thread's claim on JDBC calls: calls inside one (a pool delegating to its driver) count once. */
    static final int JDBC = 1;
    /** A thread's claim on outbound HTTP calls: a client running on another client counts once. */
    static final int HTTP_CLIENT = 2;
    /** A thread's claim on request handlers: filters and servlets nested in the outermost count once. */
    static final int REQUEST = 4;
    /** The claims ({@link #JDBC}, {@link #HTTP_CLIENT}, {@link #REQUEST}) held by the calls running on this thread. */
    private int claims;
    /** The key this thread looks objects up by identity with: statements, URL connections ({@link WeakIdentityMap}). */
    private final WeakIdentityMap.Probe identityProbe = new WeakIdentityMap.Probe();
    private final ClientCalls.Probe clientProbe = new ClientCalls.Probe();
    /** Set by the one caller that folds this ended thread (two folds could count its buffers twice). */
    private final AtomicBoolean folded = new AtomicBoolean();

    ThreadRecording(OperationRegistry registry, RecordingOptions options, Thread owner) {
        this.registry = registry;
        this.options = options;
        this.owner = new WeakReference<>(owner);
    }

    /** A call begins: the next frame, or null past {@link #MAX_DEPTH}. */
    Frame enter() {
        int next = depth + 1;
        if (next >= MAX_DEPTH) {
            return null;
        }
        Frame frame = next < frames.length ? frames[next] : null;
        if (frame == null) {
            frame = newFrame(next);
        }
        depth = next;
        frame.calleeNanos = 0;
        frame.allocationAtStart = options.allocationCounter();
        return frame;
    }

    /**
     * Whether a request handler entered now is the outermost on this thread; pair with
     * {@link #releaseRequest} when true. A bit of a field, not a thread-local entry set and removed
     * per request, so that a request allocates nothing.
     */
    boolean claimRequest() {
        return claim(REQUEST);
    }

    void releaseRequest() {
        release(REQUEST);
    }

    /**
     * Whether a call of the claim's kind ({@link #JDBC}, {@link #HTTP_CLIENT}) entered now is the
     * outermost of its kind on this thread; pair with {@link #release} when true.
     */
    boolean claim(int kind) {
        if ((claims & kind) != 0) {
            return false;
        }
        claims |= kind;
        return true;
    }

    void release(int kind) {
        claims &= ~kind;
    }

    WeakIdentityMap.Probe identityProbe() {
        return identityProbe;
    }

    /** The key this thread looks its outbound calls up with (see {@link ClientCalls}). */
    ClientCalls.Probe clientProbe() {
        return clientProbe;
    }

    /** The frame of the call running on this thread, which a constructor runs in (it takes none of its own). */
    Frame current() {
        return depth >= 0 ? frames[depth] : outermost;
    }

    /** The call of {@code frame} ended: close it (and any frame above it left open) and record. */
    void exit(Frame frame, int operation, long nanos, boolean failed) {
        exit(frame, operation, nanos, NO_STATUS, failed);
    }

    /** The same, for an outbound HTTP call with its response's status class. */
    void exit(Frame frame, int operation, long nanos, int statusClass, boolean failed) {
        long allocated = allocatedSince(frame.allocationAtStart);
        depth = frame.depth - 1;
        current().calleeNanos += nanos;
        record(operation, nanos, selfNanos(nanos, frame.calleeNanos), allocated, statusClass, failed);
    }

    /**
     * The call of {@code frame} returned a result that completes later: its frame is closed and its
     * caller's callee time grows by what it took so far; the completion records the call.
     */
    void exitPending(Frame frame, long nanos) {
        depth = frame.depth - 1;
        current().calleeNanos += nanos;
    }

    /**
     * A constructor that ran in {@code frame} (see {@link #current}) has returned: what was added to
     * the frame's callee time since {@code calleeNanosAtStart} was the constructor's callees, and the
     * frame's call gets the constructor's whole duration instead. Any frame still open above it (an
     * exit advice that failed) is closed.
     */
    void exitConstructor(Frame frame, int operation, long nanos, long calleeNanosAtStart, long allocationAtStart) {
        long allocated = allocatedSince(allocationAtStart);
        depth = frame.depth;
        long callees = frame.calleeNanos - calleeNanosAtStart;
        frame.calleeNanos = calleeNanosAtStart + nanos;
        record(operation, nanos, selfNanos(nanos, callees), allocated, false);
    }

    private long selfNanos(long nanos, long calleeNanos) {
        return options.selfTime() ? Math.max(0, nanos - calleeNanos) : CallBuffer.NOT_RECORDED;
    }

    private static long allocatedSince(long atStart) {
        if (atStart < 0) {
            return atStart;
        }
        long now = AllocationCounter.currentThreadAllocatedBytes();
        return now < 0 ? AllocationCounter.UNAVAILABLE : now - atStart;
    }

    void record(int operation, long nanos, long selfNanos, long allocatedBytes, boolean failed) {
        record(operation, nanos, selfNanos, allocatedBytes, NO_STATUS, failed);
    }

    /** An HTTP request's call, with its response's status class (see {@link HttpRoutes#statusClass}). */
    void recordRequest(int operation, long nanos, int statusClass, boolean failed) {
        record(operation, nanos, CallBuffer.NOT_RECORDED, CallBuffer.NOT_RECORDED, statusClass, failed);
    }

    /** A cancelled asynchronous call: only counted (see {@link OperationTotals}). */
    void recordCancelled(int operation) {
        registry.operation(operation).totals.recordCancelled(stripeProbe);
    }

    /** The status class of calls that are not HTTP requests. */
    static final int NO_STATUS = -1;

    void record(int operation, long nanos, long selfNanos, long allocatedBytes, int statusClass, boolean failed) {
        CallWindows windows = registry.callWindows;
        if (windows != null) {
            windows.ended(operation, nanos);
        }
        store(operation, nanos, selfNanos, allocatedBytes, statusClass, failed);
    }

    /**
     * An asynchronous call (a result that completed, a request that went asynchronous) ended on
     * this thread: recorded without a call window, since its work did not all run here (a
     * profile's samples of this thread say nothing about it).
     */
    void recordCompletion(int operation, long nanos, long allocatedBytes, int statusClass, boolean failed) {
        store(operation, nanos, CallBuffer.NOT_RECORDED, allocatedBytes, statusClass, failed);
    }

    private void store(int operation, long nanos, long selfNanos, long allocatedBytes, int statusClass, boolean failed) {
        CallBuffer[] current = buffers;
        CallBuffer buffer = operation < current.length ? current[operation] : null;
        if (buffer == null) {
            buffer = newBuffer(operation);
        }
        if (!CallBuffer.fits(nanos, allocatedBytes)) {
            registry.operation(operation).totals.recordOne(stripeProbe, nanos, selfNanos, allocatedBytes, statusClass, failed);
            return;
        }
        if (buffer.active().add(nanos, selfNanos, allocatedBytes, statusClass, failed)) {
            handOver(registry.operation(operation).totals, buffer);
        }
    }

    /**
     * A buffer is full: hand it to the totals if this thread's stripe is free; if another thread
     * holds it, go on in the overflow buffer instead of waiting (and try another stripe next time),
     * and wait only when the overflow is full too.
     */
    private void handOver(StripedTotals totals, CallBuffer buffer) {
        if (buffer.writingOverflow) {
            totals.absorb(buffer, stripeProbe);
        } else if (!totals.tryAbsorb(buffer, stripeProbe)) {
            stripeProbe++;
            buffer.switchToOverflow();
        }
    }

    private Frame newFrame(int index) {
        if (index >= frames.length) {
            frames = Arrays.copyOf(frames, Math.min(MAX_DEPTH, frames.length * 2));
        }
        Frame frame = new Frame(this, index);
        frames[index] = frame;
        return frame;
    }

    private CallBuffer newBuffer(int operation) {
        CallBuffer[] current = buffers;
        if (operation >= current.length) {
            current = Arrays.copyOf(current, Math.max(operation + 1, current.length * 2));
        }
        CallBuffer buffer = new CallBuffer(options.selfTime(), options.allocation());
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

    /** Whether the caller is the one to fold this recording; true once only. */
    boolean claimFold() {
        return folded.compareAndSet(false, true);
    }

    /** Hands every buffer to its operation's totals; only once the owner has finished and the fold is claimed. */
    void foldInto(OperationRegistry target) {
        CallBuffer[] current = buffers;
        for (int id = 0; id < current.length; id++) {
            if (current[id] != null) {
                target.operation(id).totals.absorb(current[id], stripeProbe);
            }
        }
    }
}
