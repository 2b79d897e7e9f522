package dev.sonde.export;

import dev.sonde.record.OperationCounts;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * The label sets of one operation's series, made once and kept while sonde runs, not at every
 * scrape that reads the operation again: the library checks and sorts the names of every label
 * set it builds. Immutable.
 */
final class OperationLabels {

    private final Labels operation;
    /** By status class (index 2 = 2xx), for HTTP routes and outbound calls only. */
    private final Labels[] statusClasses;

    OperationLabels(OperationCounts counts) {
        operation = Labels.of("operation", counts.name(), "kind", counts.kind().label());
        if (StatusClasses.hasResponses(counts.kind())) {
            statusClasses = new Labels[counts.statusClasses().length];
            for (int c = 1; c < statusClasses.length; c++) {
                statusClasses[c] = Labels.of("operation", counts.name(), "status_class", StatusClasses.label(c));
            }
        } else {
            statusClasses = new Labels[0];
        }
    }

    /** {@code operation} and {@code kind}. */
    Labels operation() {
        return operation;
    }

    /** {@code operation} and {@code status_class}. */
    Labels statusClass(int statusClass) {
        return statusClasses[statusClass];
    }
}
