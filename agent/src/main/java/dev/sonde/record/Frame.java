package dev.sonde.record;

/**
 * One level of a thread's stack of timed calls: what the call's callees took, and the allocation
 * counter when it began. A thread keeps one {@code Frame} per depth and reuses it, so entering a
 * call allocates nothing.
 *
 * <p>The advice hands the frame back at exit, and the frame knows its own depth: a frame left open
 * above it (an exit advice that failed) is closed with it rather than shifting the accounting of the
 * calls around it. Constructors, whose exit advice does not run when they throw, take no frame at
 * all: they run in their caller's (see {@link ThreadRecording#exitConstructor}).
 */
final class Frame {

    final ThreadRecording owner;
    final int depth;
    long calleeNanos;
    long allocationAtStart;

    Frame(ThreadRecording owner, int depth) {
        this.owner = owner;
        this.depth = depth;
    }
}
