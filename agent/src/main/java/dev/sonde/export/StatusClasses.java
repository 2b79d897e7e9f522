package dev.sonde.export;

import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationCounts;

/**
 * Which status classes of an HTTP route or outbound call are exported, as in the report: 2xx to 5xx
 * always (a counter at 0 says "none yet", which {@code rate()} needs), 1xx once seen; none for other kinds.
 */
final class StatusClasses {

    /** Receives one exported class of one route: its label ({@code 2xx}) and count. */
    interface Each {
        void accept(OperationCounts operation, String statusClass, long count);
    }

    private StatusClasses() {
    }

    static void forEachShown(Iterable<OperationCounts> operations, Each each) {
        for (OperationCounts operation : operations) {
            if (operation.kind() != OperationKind.HTTP && operation.kind() != OperationKind.HTTP_CLIENT) {
                continue;
            }
            long[] classes = operation.statusClasses();
            for (int c = 1; c < classes.length; c++) {
                if (classes[c] > 0 || c >= 2) {
                    each.accept(operation, c + "xx", classes[c]);
                }
            }
        }
    }
}
