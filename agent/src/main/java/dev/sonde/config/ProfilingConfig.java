package dev.sonde.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code profile*} keys: flame graphs for the whole run, on a schedule, or when an operation
 * turns slow. Events and formats stay text here (checked by {@link ConfigLoader}); the profile
 * package maps them. Immutable.
 */
public final class ProfilingConfig {

    /**
     * What {@code profile} and {@code profile.event} accept, by the labels of the profile package's
     * {@code ProfileEvent}, which this package cannot name (a test keeps the two the same).
     */
    public static final List<String> EVENTS = List.of("cpu", "wall", "alloc", "lock", "itimer");
    /** What {@code profile.format} accepts: the profile package's {@code ProfileFormat}s. */
    public static final List<String> FORMATS = List.of("html", "collapsed", "jfr");

    private final String wholeRunEvent;
    private final String event;
    private final Duration every;
    private final Duration duration;
    private final ProfileTrigger trigger;
    private final Duration cooldown;
    private final String format;
    private final int keep;
    private final List<SlowCallRule> slowCalls;

    ProfilingConfig(String wholeRunEvent, String event, Duration every, Duration duration, ProfileTrigger trigger,
                    Duration cooldown, String format, int keep, List<SlowCallRule> slowCalls) {
        this.wholeRunEvent = wholeRunEvent;
        this.event = event;
        this.every = every;
        this.duration = duration;
        this.trigger = trigger;
        this.cooldown = cooldown;
        this.format = format;
        this.keep = keep;
        this.slowCalls = List.copyOf(slowCalls);
    }

    /** {@code profile=cpu}: the event profiled from start to shutdown, if any. */
    public Optional<String> wholeRunEvent() {
        return Optional.ofNullable(wholeRunEvent);
    }

    /** {@code profile.event}: the event of scheduled and triggered profiles. */
    public String event() {
        return event;
    }

    /** {@code profile.every}: zero when off. */
    public Duration every() {
        return every;
    }

    /** {@code profile.duration}: how long a scheduled or triggered profile runs. */
    public Duration duration() {
        return duration;
    }

    public Optional<ProfileTrigger> trigger() {
        return Optional.ofNullable(trigger);
    }

    /** {@code profile.cooldown}: the least time between two triggered profiles. */
    public Duration cooldown() {
        return cooldown;
    }

    /** {@code profile.format}: html, collapsed or jfr. */
    public String format() {
        return format;
    }

    /** How many scheduled and triggered profile files are kept (the newest), like interval reports. */
    public int keep() {
        return keep;
    }

    /** {@code profile.slow}: the operations whose slow and normal calls every profile also graphs apart. */
    public List<SlowCallRule> slowCalls() {
        return slowCalls;
    }

    /** {@code a, b or c}: the choices of a value, for error messages. */
    public static String choices(List<String> values) {
        int last = values.size() - 1;
        return last == 0 ? values.get(0) : String.join(", ", values.subList(0, last)) + " or " + values.get(last);
    }

    public boolean anything() {
        return wholeRunEvent != null || !every.isZero() || trigger != null;
    }
}
