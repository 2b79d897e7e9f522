package dev.sonde.profile;

import java.util.HashMap;
import java.util.Map;

/**
 * The samples of one kind of call (slow or normal) of one operation: how many calls there were,
 * how many of them at least one sample fell into, and the samples by stack (collapsed form,
 * outermost frame first). Built by {@link CallSlices}, then read only.
 */
final class Slice {

    private final Map<String, Long> stacks = new HashMap<>();
    private long calls;
    private long coveredCalls;
    private long samples;

    void addCall() {
        calls++;
    }

    void addCoveredCall() {
        coveredCalls++;
    }

    void addSample(String stack) {
        stacks.merge(stack, 1L, Long::sum);
        samples++;
    }

    /** Calls of the slice during the profile, sampled or not. */
    long calls() {
        return calls;
    }

    /** Calls that at least one sample fell into. */
    long coveredCalls() {
        return coveredCalls;
    }

    long samples() {
        return samples;
    }

    /** Samples by collapsed stack. */
    Map<String, Long> stacks() {
        return stacks;
    }

    /** Samples by stack per {@code per} calls of the slice (0 calls: none). */
    Map<String, Double> perCalls(long per) {
        Map<String, Double> scaled = new HashMap<>();
        if (calls > 0) {
            stacks.forEach((stack, count) -> scaled.put(stack, count * (double) per / calls));
        }
        return scaled;
    }
}
