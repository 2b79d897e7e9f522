package dev.sonde.cli;

import dev.sonde.report.diff.ReportDiff;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a {@code diff} compared no figure at all, if it did not. A gate that compared nothing has not
 * passed: two reports of different services, or a {@code --min-count} above every count, would
 * otherwise say "no regression" and exit 0.
 */
final class NothingCompared {

    private static final String PREFIX = "nothing compared, so no verdict: ";

    private NothingCompared() {
    }

    /** The reason, worded for the user; empty when at least one figure was compared. */
    static Optional<String> in(ReportDiff diff) {
        if (!diff.compared().isEmpty()) {
            return noFigureCompared(diff);
        }
        if (!diff.ignored().isEmpty()) {
            long minCount = diff.rule().minCount();
            return Optional.of(PREFIX + "none of the " + operations(diff.ignored().size()) + " in both runs has at least "
                    + minCount + " calls in each (--min-count " + minCount + ")");
        }
        return Optional.of(PREFIX + "no operation of " + diff.base().path() + " is in " + diff.current().path()
                + " (" + diff.vanished().size() + " only in base, " + diff.added().size() + " only in current);"
                + " are they runs of the same service?");
    }

    /** Operations were matched, but no chosen metric is in both runs of any of them. */
    private static Optional<String> noFigureCompared(ReportDiff diff) {
        if (diff.compared().stream().anyMatch(operation -> !operation.changes().isEmpty())) {
            return Optional.empty();
        }
        String metrics = diff.rule().metrics().stream().map(m -> m.key()).collect(Collectors.joining(","));
        return Optional.of(PREFIX + "none of the " + operations(diff.compared().size()) + " in both runs has --metric "
                + metrics + " figures in both (allocation needs alloc=on in both runs)");
    }

    private static String operations(int count) {
        return count == 1 ? "1 operation" : count + " operations";
    }
}
