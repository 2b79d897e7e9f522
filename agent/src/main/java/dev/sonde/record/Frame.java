package dev.sonde.record;

/**
 * One level of a thread's stack of timed calls: what the call's callees took, and the allocation
 * counter when it began. A thread keeps one {@code Frame} per depth and reuses it, so entering a
 * call allocates nothing.
 *
 * <p>The advice hands the frame back at exit, and the frame knows its own depth: a call that never
 * exited (a constructor that threw) cannot shift the accounting of the calls around it.
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
