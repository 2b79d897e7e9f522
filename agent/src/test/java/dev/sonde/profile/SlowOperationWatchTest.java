package dev.sonde.profile;

import dev.sonde.config.ConfigException;
import dev.sonde.config.ConfigLoader;
import dev.sonde.config.ProfileTrigger;
import dev.sonde.record.OperationKind;
import dev.sonde.record.OperationRegistry;
import dev.sonde.record.OperationSnapshot;
import dev.sonde.record.RecordingOptions;
import dev.sonde.record.ThreadLocalRecorder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SlowOperationWatchTest {

    private static final long MS = 1_000_000;

    private final OperationRegistry registry = new OperationRegistry(10);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, false));
    private final int place = registry.register("a.Orders#place", OperationKind.METHOD);
    /** The watch's clock, moved by the test: cooldowns are checked without waiting. */
    private long nowNanos = 1_000 * MS;

    @Test
    void aCallOverTheThresholdFiresWithItsDuration() throws ConfigException {
        SlowOperationWatch watch = watch("a.Orders#place>200ms", Duration.ofMinutes(5));
        calls(50, 10 * MS);
        calls(1, 250 * MS);

        assertThat(watch.check(cumulative())).isEqualTo(250 * MS);
    }

    @Test
    void callsAtOrUnderTheThresholdDoNotFire() throws ConfigException {
        SlowOperationWatch watch = watch("a.Orders#place>200ms", Duration.ofMinutes(5));
        calls(100, 200 * MS);

        assertThat(watch.check(cumulative())).isEqualTo(SlowOperationWatch.NOT_SLOW);
    }

    @Test
    void aPercentileTriggerIgnoresAFewSlowCallsAndFiresWhenThePercentileIsSlow() throws ConfigException {
        SlowOperationWatch watch = watch("a.Orders#place>p90:100ms", Duration.ZERO);
        calls(95, 10 * MS);
        calls(5, 500 * MS);
        assertThat(watch.check(cumulative())).isEqualTo(SlowOperationWatch.NOT_SLOW);

        calls(80, 10 * MS);
        calls(20, 150 * MS);
        assertThat(watch.check(cumulative())).isBetween(149 * MS, 151 * MS);
    }

    @Test
    void onlyTheCallsSinceTheLastCheckCount() throws ConfigException {
        SlowOperationWatch watch = watch("a.Orders#place>200ms", Duration.ZERO);
        calls(1, 300 * MS);
        watch.check(cumulative());

        calls(10, 10 * MS);
        assertThat(watch.check(cumulative())).isEqualTo(SlowOperationWatch.NOT_SLOW);
    }

    @Test
    void aWindowWithoutCallsOrAnOperationNotYetCalledDoesNotFire() throws ConfigException {
        SlowOperationWatch watch = watch("a.Orders#place>200ms", Duration.ZERO);
        assertThat(watch.check(Optional.empty())).isEqualTo(SlowOperationWatch.NOT_SLOW);
        calls(1, 300 * MS);
        watch.check(cumulative());

        assertThat(watch.check(cumulative())).isEqualTo(SlowOperationWatch.NOT_SLOW);
    }

    @Test
    void afterFiringItStaysQuietForTheCooldownThenFiresAgain() throws ConfigException {
        SlowOperationWatch watch = watch("a.Orders#place>200ms", Duration.ofMinutes(5));
        calls(1, 300 * MS);
        assertThat(watch.check(cumulative())).isPositive();

        nowNanos += Duration.ofMinutes(5).toNanos() - 1;
        calls(1, 300 * MS);
        assertThat(watch.check(cumulative())).isEqualTo(SlowOperationWatch.NOT_SLOW);

        nowNanos += 1;
        calls(1, 300 * MS);
        assertThat(watch.check(cumulative())).isEqualTo(300 * MS);
    }

    @Test
    void callsMadeWhileTheTriggeredProfileRanDoNotCountTowardsTheNextWindow() throws ConfigException {
        SlowOperationWatch watch = watch("a.Orders#place>200ms", Duration.ZERO);
        calls(1, 300 * MS);
        watch.check(cumulative());
        calls(3, 400 * MS);
        watch.profiled(cumulative());

        calls(10, 10 * MS);
        assertThat(watch.check(cumulative())).isEqualTo(SlowOperationWatch.NOT_SLOW);
    }

    private SlowOperationWatch watch(String trigger, Duration cooldown) throws ConfigException {
        ProfileTrigger parsed = new ConfigLoader(Map.of(), Map.of()).load("profile.trigger=" + trigger)
                .profiling().trigger().orElseThrow();
        return new SlowOperationWatch(parsed, cooldown, () -> nowNanos);
    }

    private void calls(int count, long nanos) {
        for (int i = 0; i < count; i++) {
            recorder.record(place, nanos, false);
        }
    }

    private Optional<OperationSnapshot> cumulative() {
        return recorder.snapshotOf("a.Orders#place");
    }
}
