package dev.sonde.export;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The histogram points of the last export, kept per operation and reused while its count stands
 * still: the figures are cumulative, so an operation with no call since the last export has the
 * same histogram, and most of 2000 operations are called rarely. Bounded like the operations
 * ({@code max.operations} + 1 entries). Safe for concurrent exports; two at once may both build
 * an operation's point, which is the same either way.
 *
 * @param <P> the point type of the exporter
 */
final class UnchangedPoints<P> {

    private static final class Entry<P> {
        final long count;
        final P point;

        Entry(long count, P point) {
            this.count = count;
            this.point = point;
        }
    }

    private final Map<String, Entry<P>> last = new ConcurrentHashMap<>();

    /** The point of {@code operation}: the last one if its count is still {@code count}, else built now. */
    P of(String operation, long count, Supplier<P> build) {
        Entry<P> entry = last.get(operation);
        if (entry != null && entry.count == count) {
            return entry.point;
        }
        P point = build.get();
        last.put(operation, new Entry<>(count, point));
        return point;
    }
}
