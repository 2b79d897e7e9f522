package dev.sonde.profile;

import dev.sonde.record.CallWindow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts a profile's samples into one operation's calls: a sample taken on the thread of a call,
 * between its start and end, belongs to that call, and goes to the {@link #slow()} slice if the
 * call took longer than the threshold, else to {@link #normal()}. Samples in no call are ignored.
 * In nested calls of the operation (recursion) a sample belongs to the innermost. Not thread-safe.
 */
final class CallSlices {

    /** Per-call figures are shown per this many calls, so that small fractions stay visible. */
    static final long PER_CALLS = 1_000;

    /** How sonde's own frames appear in async-profiler's stacks. */
    private static final String SONDE_FRAMES = "dev/sonde/";

    private final String operation;
    private final long thresholdNanos;
    private final Map<Long, ThreadCalls> byThread = new HashMap<>();
    private final BitSet covered = new BitSet();
    private final List<CallWindow> windows;
    private final Slice slow = new Slice();
    private final Slice normal = new Slice();

    /** @param windows the calls of {@code operation} during the profile, any order */
    CallSlices(String operation, long thresholdNanos, List<CallWindow> windows) {
        this.operation = operation;
        this.thresholdNanos = thresholdNanos;
        this.windows = new ArrayList<>(windows);
        this.windows.sort(Comparator.comparingLong(CallWindow::startNanos));
        Map<Long, List<Integer>> indexes = new HashMap<>();
        for (int i = 0; i < this.windows.size(); i++) {
            CallWindow window = this.windows.get(i);
            indexes.computeIfAbsent(window.thread(), t -> new ArrayList<>()).add(i);
            sliceOf(window).addCall();
        }
        indexes.forEach((thread, list) -> byThread.put(thread, new ThreadCalls(this.windows, list)));
    }

    String operation() {
        return operation;
    }

    long thresholdNanos() {
        return thresholdNanos;
    }

    /**
     * A sample taken on {@code thread} (named as the windows name it) at {@code nanos}
     * ({@link System#nanoTime()}'s clock). A sample in sonde's own code is left out: a call's window
     * ends when sonde has recorded it, a little after the call itself ended.
     */
    void sample(long thread, long nanos, String stack) {
        if (stack.contains(SONDE_FRAMES)) {
            return;
        }
        ThreadCalls calls = byThread.get(thread);
        int index = calls == null ? -1 : calls.innermostAt(nanos);
        if (index < 0) {
            return;
        }
        Slice slice = sliceOf(windows.get(index));
        if (!covered.get(index)) {
            covered.set(index);
            slice.addCoveredCall();
        }
        slice.addSample(stack);
    }

    Slice slow() {
        return slow;
    }

    Slice normal() {
        return normal;
    }

    private Slice sliceOf(CallWindow window) {
        return window.nanos() > thresholdNanos ? slow : normal;
    }

    /**
     * Slow minus normal samples by stack, each per {@link #PER_CALLS} calls of its slice (so that
     * the many normal calls do not outweigh the few slow ones): positive where a slow call spends
     * more than a normal one.
     */
    Map<String, Double> differenceByStack() {
        Map<String, Double> difference = new HashMap<>(slow.perCalls(PER_CALLS));
        normal.perCalls(PER_CALLS).forEach((stack, value) -> difference.merge(stack, -value, Double::sum));
        return difference;
    }

    /** One thread's calls, by start time. */
    private static final class ThreadCalls {
        /** How far back a lookup walks for an enclosing call past calls that ended earlier. */
        private static final int MAX_STEPS_BACK = 64;

        private final List<CallWindow> windows;
        private final int[] indexes;
        private final long[] starts;

        ThreadCalls(List<CallWindow> windows, List<Integer> indexes) {
            this.windows = windows;
            this.indexes = indexes.stream().mapToInt(Integer::intValue).toArray();
            this.starts = new long[this.indexes.length];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = windows.get(this.indexes[i]).startNanos();
            }
        }

        /** The call that started last among those running at {@code nanos}, or -1. */
        int innermostAt(long nanos) {
            int lo = 0;
            int hi = starts.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] <= nanos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int i = lo - 1; i >= 0 && i >= lo - MAX_STEPS_BACK; i--) {
                if (windows.get(indexes[i]).endNanos() >= nanos) {
                    return indexes[i];
                }
            }
            return -1;
        }
    }
}
