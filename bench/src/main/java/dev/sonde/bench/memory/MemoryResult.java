package dev.sonde.bench.memory;

import java.util.List;

/**
 * Heap used after GC by the memory workload without and with sonde, at each point
 * {@link MemoryWorkload} measures; sonde's share is the difference.
 */
public record MemoryResult(Heap withoutAgent, Heap withAgent, int threads, int operations, int calls,
                           int generations, long operationsReported) {

    /**
     * Heap used after GC, in bytes, at the workload's measuring points; {@code liveByGeneration}
     * holds one value per generation, measured while its threads were alive.
     */
    public record Heap(long baseline, long liveFirst, long liveMax, long churned, List<Long> liveByGeneration) {
    }

    /** Retained by sonde while the first generation of threads lives: exactly threads × operations recorded. */
    public long retainedLive() {
        return withAgent.liveFirst() - withoutAgent.liveFirst();
    }

    /**
     * Retained by sonde at the worst point of the churn: a generation alive while the recordings
     * of the one before may not have been released yet (sonde folds ended threads periodically).
     */
    public long retainedPeak() {
        return withAgent.liveMax() - withoutAgent.liveMax();
    }

    /** Retained by sonde once every thread has ended and been folded into the totals. */
    public long retainedChurned() {
        return withAgent.churned() - withoutAgent.churned();
    }

    /** Retained by sonde loaded and started, before any call. */
    public long retainedIdle() {
        return withAgent.baseline() - withoutAgent.baseline();
    }
}
