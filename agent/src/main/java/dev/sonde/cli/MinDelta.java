package dev.sonde.cli;

import dev.sonde.report.diff.DiffRule;

/**
 * The {@code --min-delta} of {@code diff}: a floor for the time metrics, one for {@code alloc}, or
 * both ({@code 2ms,4KiB}). A duration sets the time floor, a size the allocation floor; a bare
 * {@code 0} alone removes both floors, and next to a floor of one kind it is the floor of the other.
 * Two floors of one kind ({@code 1ms,1ms}) are a mistake, not a choice, so they are refused.
 */
final class MinDelta {

    private static final String OPTION = "min-delta";

    private final long nanos;
    private final long bytes;

    private MinDelta(long nanos, long bytes) {
        this.nanos = nanos;
        this.bytes = bytes;
    }

    static MinDelta defaults() {
        return new MinDelta(DiffRule.DEFAULT_MIN_DELTA_NANOS, DiffRule.DEFAULT_MIN_DELTA_BYTES);
    }

    static MinDelta parse(String text) throws UsageException {
        String[] parts = text.split(",", -1);
        if (parts.length == 1) {
            return one(parts[0], text);
        }
        if (parts.length != 2) {
            throw wrong(text);
        }
        boolean firstIsSize = Quantity.isBytes(parts[0]);
        boolean secondIsSize = Quantity.isBytes(parts[1]) || (isZero(parts[1]) && !firstIsSize);
        if (firstIsSize == secondIsSize) {
            throw wrong(text);
        }
        String duration = firstIsSize ? parts[1] : parts[0];
        String size = firstIsSize ? parts[0] : parts[1];
        return new MinDelta(nanos(duration, text), bytes(size, text));
    }

    private static MinDelta one(String part, String text) throws UsageException {
        if (isZero(part)) {
            return new MinDelta(0, 0);
        }
        return Quantity.isBytes(part) ? new MinDelta(DiffRule.DEFAULT_MIN_DELTA_NANOS, bytes(part, text))
                : new MinDelta(nanos(part, text), DiffRule.DEFAULT_MIN_DELTA_BYTES);
    }

    private static boolean isZero(String part) {
        return part.trim().matches("0+(\\.0*)?");
    }

    private static long nanos(String part, String text) throws UsageException {
        try {
            return Quantity.nanos(OPTION, part);
        } catch (UsageException notADuration) {
            throw wrong(text);
        }
    }

    private static long bytes(String part, String text) throws UsageException {
        try {
            return Quantity.bytes(OPTION, part);
        } catch (UsageException notASize) {
            throw wrong(text);
        }
    }

    private static UsageException wrong(String text) {
        return new UsageException("--" + OPTION + " takes a duration, a size or both (such as 1ms, 4KiB or 2ms,4KiB), not '"
                + text + "'");
    }

    long nanos() {
        return nanos;
    }

    long bytes() {
        return bytes;
    }
}
