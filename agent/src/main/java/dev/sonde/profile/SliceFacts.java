package dev.sonde.profile;

/**
 * What one slow/normal/diff flame graph of an operation covers: which slice, by which rule, how
 * many calls and samples. Immutable.
 */
public final class SliceFacts {

    /** Below this many samples a slice's graph says too little to go by. */
    public static final long FEW_SAMPLES = 100;

    private final String operation;
    private final String slice;
    private final String rule;
    private final long thresholdNanos;
    private final long calls;
    private final long callsMade;
    private final long samples;
    private final long callsLeftOut;
    private final String note;

    SliceFacts(String operation, String slice, String rule, long thresholdNanos, long calls, long callsMade,
               long samples, long callsLeftOut, String note) {
        this.operation = operation;
        this.slice = slice;
        this.rule = rule;
        this.thresholdNanos = thresholdNanos;
        this.calls = calls;
        this.callsMade = callsMade;
        this.samples = samples;
        this.callsLeftOut = callsLeftOut;
        this.note = note;
    }

    public String operation() {
        return operation;
    }

    /** {@code slow}, {@code normal} or {@code diff}. */
    public String slice() {
        return slice;
    }

    /** The {@code profile.slow} rule, e.g. {@code GET /api/orders>p99}. */
    public String rule() {
        return rule;
    }

    /** Calls longer than this were slow; -1 when it could not be known (no calls yet). */
    public long thresholdNanos() {
        return thresholdNanos;
    }

    /** Calls of the slice that at least one sample fell into. */
    public long calls() {
        return calls;
    }

    /** Calls of the slice during the profile, sampled or not. */
    public long callsMade() {
        return callsMade;
    }

    public long samples() {
        return samples;
    }

    /** Calls of the followed operations past the windows' capacity, in no slice. */
    public long callsLeftOut() {
        return callsLeftOut;
    }

    /** Why the graph is missing or says little (too few samples), or null. */
    public String note() {
        return note;
    }
}
