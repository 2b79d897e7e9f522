package dev.sonde.profile;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class OnDemandProfilesTest {

    @Test
    void finishingStopsTheProfilesInProgressAndWaitsUntilTheyAreWritten() throws Exception {
        OnDemandProfiles profiles = new OnDemandProfiles();
        CountDownLatch profiling = new CountDownLatch(1);
        AtomicBoolean written = new AtomicBoolean();
        AtomicBoolean interruptLeftOnTheThread = new AtomicBoolean(true);
        Thread caller = new Thread(() -> {
            assertThat(profiles.begin()).isTrue();
            try {
                profiling.countDown();
                Thread.sleep(60_000);
            } catch (InterruptedException stoppedEarly) {
                written.set(true);
            } finally {
                profiles.end();
            }
            interruptLeftOnTheThread.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        profiling.await();

        assertThat(profiles.finishAll(Duration.ofSeconds(10))).isTrue();
        assertThat(written).as("written before finishAll returns").isTrue();
        caller.join(10_000);
        assertThat(interruptLeftOnTheThread).isFalse();
    }

    @Test
    void afterFinishingNewProfilesAreRefused() {
        OnDemandProfiles profiles = new OnDemandProfiles();
        assertThat(profiles.finishAll(Duration.ofSeconds(1))).isTrue();
        assertThat(profiles.begin()).isFalse();
    }
}
