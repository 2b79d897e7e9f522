package dev.sonde.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a flame graph samples (async-profiler's {@code event=}). */
public enum ProfileEvent {
    /** On-CPU time (perf events; itimer where those are not permitted). */
    CPU("cpu"),
    /** Wall-clock time of every thread, running or waiting: finds sleeps, I/O and lock waits. */
    WALL("wall"),
    /** Heap allocations, by allocating stack. */
    ALLOC("alloc"),
    /** Contended locks, by waiting stack. */
    LOCK("lock"),
    /** On-CPU time from a timer signal: the fallback for {@code cpu}. */
    ITIMER("itimer");

    private final String label;

    ProfileEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ProfileEvent> named(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.label.equals(wanted)).findFirst();
    }
}
