package dev.sonde.record;

/**
 * What an operation counts of its calls besides their values: errors, cancellations, allocations
 * the JVM could not tell, and HTTP responses by status class. Not thread-safe: guarded like the
 * {@link OperationTotals} or the read ({@link CountsRead}) that holds it.
 */
final class CallCounters {

    /** Status classes: index 1 = 1xx ... 5 = 5xx (0: no status). */
    private static final int STATUS_CLASSES = 6;

    private long errors;
    private long allocationUnavailable;
    /** Asynchronous calls whose result was cancelled: in none of the histograms, nor in the errors. */
    private long cancelled;
    private final long[] statusClasses;

    CallCounters() {
        statusClasses = new long[STATUS_CLASSES];
    }

    private CallCounters(CallCounters source) {
        errors = source.errors;
        allocationUnavailable = source.allocationUnavailable;
        cancelled = source.cancelled;
        statusClasses = source.statusClasses.clone();
    }

    CallCounters copy() {
        return new CallCounters(this);
    }

    /** One call; statusClass -1 for calls that are not HTTP requests. */
    void addOne(int statusClass, boolean failed) {
        if (statusClass >= 0) {
            statusClasses[statusClass]++;
        }
        if (failed) {
            errors++;
        }
    }

    void addCancelled() {
        cancelled++;
    }

    void addAllocationUnavailable() {
        allocationUnavailable++;
    }

    void addAll(CallCounters other) {
        errors += other.errors;
        allocationUnavailable += other.allocationUnavailable;
        cancelled += other.cancelled;
        for (int c = 0; c < statusClasses.length; c++) {
            statusClasses[c] += other.statusClasses[c];
        }
    }

    /**
     * Counts the calls in {@code buffer} and returns how many there are, the size to read their
     * values up to. The counters are read before the size: each is stored after its call's size,
     * so none counts a call that the size leaves out (an error rate never above 100 %).
     */
    int addCallsOf(CallBuffer buffer) {
        errors += buffer.publishedErrors();
        for (int c = 0; c < statusClasses.length; c++) {
            statusClasses[c] += buffer.publishedStatusClass(c);
        }
        int size = buffer.publishedSize();
        if (buffer.allocatedBytes != null) {
            allocationUnavailable += countUnavailable(buffer.allocatedBytes, size);
        }
        return size;
    }

    private static int countUnavailable(int[] allocatedBytes, int size) {
        int unavailable = 0;
        for (int i = 0; i < size; i++) {
            if (allocatedBytes[i] == AllocationCounter.UNAVAILABLE) {
                unavailable++;
            }
        }
        return unavailable;
    }

    /** What was counted since {@code earlier}, a copy of these counters taken before. */
    CallCounters minus(CallCounters earlier) {
        CallCounters window = new CallCounters();
        window.errors = errors - earlier.errors;
        window.allocationUnavailable = allocationUnavailable - earlier.allocationUnavailable;
        window.cancelled = cancelled - earlier.cancelled;
        for (int c = 0; c < statusClasses.length; c++) {
            window.statusClasses[c] = statusClasses[c] - earlier.statusClasses[c];
        }
        return window;
    }

    long errors() {
        return errors;
    }

    long allocationUnavailable() {
        return allocationUnavailable;
    }

    long cancelled() {
        return cancelled;
    }

    /** Responses per status class: index 1 = 1xx ... 5 = 5xx (0: no status). A copy. */
    long[] statusClasses() {
        return statusClasses.clone();
    }
}
