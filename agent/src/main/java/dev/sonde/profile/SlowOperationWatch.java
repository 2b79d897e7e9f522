package dev.sonde.profile;

import dev.sonde.config.ProfileTrigger;
import dev.sonde.record.OperationSnapshot;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Decides whether {@code profile.trigger}'s operation turned slow: asked once a second with the
 * operation's cumulative snapshot, it compares the calls since it was last asked (the window)
 * with the threshold, at the trigger's percentile or the window's maximum, and fires at most once
 * per cooldown. Owned by the profiling thread: not thread-safe.
 *
 * <p>The cooldown is kept on a monotonic clock ({@link System#nanoTime()} in the agent), so a
 * wall-clock jump cannot fire profiles back to back or hold them off for hours.
 */
final class SlowOperationWatch {

    /** What {@link #check} returns when the window does not call for a profile. */
    static final long NOT_SLOW = -1;

    private final ProfileTrigger trigger;
    private final long cooldownNanos;
    private final LongSupplier nanoClock;
    private OperationSnapshot baseline;
    private boolean fired;
    private long firedAtNanos;

    SlowOperationWatch(ProfileTrigger trigger, Duration cooldown, LongSupplier nanoClock) {
        this.trigger = trigger;
        this.cooldownNanos = cooldown.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * The window's slow value in nanoseconds when it crosses the threshold and the cooldown has
     * passed (the caller profiles now), else {@link #NOT_SLOW}. The window starts again either way.
     */
    long check(Optional<OperationSnapshot> cumulative) {
        if (cumulative.isEmpty()) {
            return NOT_SLOW;
        }
        OperationSnapshot window = baseline == null ? cumulative.get() : cumulative.get().minus(baseline);
        baseline = cumulative.get();
        if (window.count() == 0 || coolingDown()) {
            return NOT_SLOW;
        }
        long observed = trigger.percentile() >= 100 ? window.maxNanos()
                : Math.min(window.latency().getValueAtPercentile(trigger.percentile()), window.maxNanos());
        if (observed <= trigger.threshold().toNanos()) {
            return NOT_SLOW;
        }
        fired = true;
        firedAtNanos = nanoClock.getAsLong();
        return observed;
    }

    /**
     * The triggered profile has ended: the next window starts now, so the calls made while it ran
     * (slowed by the profiler, too) cannot fire the next one.
     */
    void profiled(Optional<OperationSnapshot> cumulative) {
        baseline = cumulative.orElse(null);
    }

    private boolean coolingDown() {
        return fired && nanoClock.getAsLong() - firedAtNanos < cooldownNanos;
    }
}
