package dev.sonde.export;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationCounts;

/**
 * Which status classes of an HTTP route or outbound call are exported, as in the report: 2xx to 5xx
 * always (a counter at 0 says "none yet", which {@code rate()} needs), 1xx once seen; none for other kinds.
 */
final class StatusClasses {

    /** By status class: index 1 = 1xx ... 5 = 5xx, as {@link OperationCounts#statusClasses()} counts them. */
    private static final String[] LABELS = {null, "1xx", "2xx", "3xx", "4xx", "5xx"};

    /** Receives one exported class of one route: its index (2 for {@code 2xx}) and count. */
    interface Each {
        void accept(OperationCounts operation, int statusClass, long count);
    }

    private StatusClasses() {
    }

    /** Whether {@code kind} has responses by status class: HTTP routes and outbound calls. */
    static boolean hasResponses(OperationKind kind) {
        return kind == OperationKind.HTTP || kind == OperationKind.HTTP_CLIENT;
    }

    /** The label of status class {@code statusClass}: {@code 2xx} for 2. */
    static String label(int statusClass) {
        return LABELS[statusClass];
    }

    static void forEachShown(Iterable<OperationCounts> operations, Each each) {
        for (OperationCounts operation : operations) {
            if (!hasResponses(operation.kind())) {
                continue;
            }
            long[] classes = operation.statusClasses();
            for (int c = 1; c < classes.length; c++) {
                if (classes[c] > 0 || c >= 2) {
                    each.accept(operation, c, classes[c]);
                }
            }
        }
    }
}
