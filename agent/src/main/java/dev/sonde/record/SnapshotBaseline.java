package dev.sonde.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a window starts: the cumulative snapshot taken then, so that a later snapshot can be
 * reported as what happened since (an interval window, or the window that {@code dump --reset}
 * starts). Totals only ever grow, so a window is a difference of two snapshots (histograms
 * subtracted); nothing is reset, and windows cut from one series add up exactly to the cumulative
 * figures. Immutable; any thread.
 */
public final class SnapshotBaseline {

    /** The start of recording: every call recorded so far is in the window. */
    public static final SnapshotBaseline START = new SnapshotBaseline(Map.of());

    private final Map<String, OperationSnapshot> byName;

    private SnapshotBaseline(Map<String, OperationSnapshot> byName) {
        this.byName = byName;
    }

    /** A window that starts at the moment {@code cumulative} was taken. */
    public static SnapshotBaseline of(List<OperationSnapshot> cumulative) {
        Map<String, OperationSnapshot> byName = new HashMap<>();
        for (OperationSnapshot snapshot : cumulative) {
            byName.put(snapshot.name(), snapshot);
        }
        return new SnapshotBaseline(byName);
    }

    /** The figures of each operation called since this baseline; operations not called are left out. */
    public List<OperationSnapshot> since(List<OperationSnapshot> cumulative) {
        List<OperationSnapshot> window = new ArrayList<>();
        for (OperationSnapshot snapshot : cumulative) {
            OperationSnapshot earlier = byName.get(snapshot.name());
            OperationSnapshot difference = earlier == null ? snapshot : snapshot.minus(earlier);
            if (difference.wasCalled()) {
                window.add(difference);
            }
        }
        return window;
    }
}
