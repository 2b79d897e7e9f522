package dev.sonde.profile;

import dev.sonde.record.CallWindow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CallSlicesTest {

    private static final String OP = "GET /orders";
    private static final long MS = 1_000_000;

    /** Thread 1: a slow call 0-100 ms and a normal one 200-210 ms; thread 2: a normal one 0-10 ms. */
    private static CallSlices slices() {
        return new CallSlices(OP, 50 * MS, List.of(
                new CallWindow(OP, 1, 200 * MS, 210 * MS),
                new CallWindow(OP, 1, 0, 100 * MS),
                new CallWindow(OP, 2, 0, 10 * MS)));
    }

    @Test
    void aSampleBelongsToTheCallRunningOnItsThreadAtItsTime() {
        CallSlices slices = slices();
        slices.sample(1, 50 * MS, "main;handle;expensive");
        slices.sample(1, 205 * MS, "main;handle;cheap");
        slices.sample(2, 5 * MS, "worker;handle;cheap");

        assertThat(slices.slow().stacks()).containsExactly(Map.entry("main;handle;expensive", 1L));
        assertThat(slices.normal().stacks()).containsOnly(Map.entry("main;handle;cheap", 1L),
                Map.entry("worker;handle;cheap", 1L));
    }

    @Test
    void samplesOutsideEveryCallOrOnAnotherThreadAreIgnored() {
        CallSlices slices = slices();
        slices.sample(1, 150 * MS, "main;between");
        slices.sample(2, 50 * MS, "worker;after");
        slices.sample(3, 50 * MS, "background;expensive");
        slices.sample(1, 300 * MS, "main;later");

        assertThat(slices.slow().samples()).isZero();
        assertThat(slices.normal().samples()).isZero();
    }

    @Test
    void samplesInSondesOwnRecordingAreNotTheCalls() {
        CallSlices slices = slices();
        slices.sample(1, 99 * MS, "main;handle;dev/sonde/bootstrap/Recorder.exit_[0];dev/sonde/record/ThreadRecording.record");
        assertThat(slices.slow().samples()).isZero();
        assertThat(slices.slow().coveredCalls()).isZero();
    }

    @Test
    void aCallsEndsAndStartsAreInsideIt() {
        CallSlices slices = slices();
        slices.sample(1, 0, "start");
        slices.sample(1, 100 * MS, "end");
        assertThat(slices.slow().samples()).isEqualTo(2);
    }

    @Test
    void callsAreCountedWhetherSampledOrNotAndCoveredOnceHoweverManySamples() {
        CallSlices slices = slices();
        for (long t = 10; t < 100; t += 10) {
            slices.sample(1, t * MS, "main;handle;expensive");
        }
        assertThat(slices.slow().calls()).isEqualTo(1);
        assertThat(slices.slow().coveredCalls()).isEqualTo(1);
        assertThat(slices.slow().samples()).isEqualTo(9);
        assertThat(slices.normal().calls()).isEqualTo(2);
        assertThat(slices.normal().coveredCalls()).isZero();
    }

    @Test
    void aCallExactlyAtTheThresholdIsNormal() {
        CallSlices slices = new CallSlices(OP, 50 * MS, List.of(new CallWindow(OP, 1, 0, 50 * MS)));
        assertThat(slices.normal().calls()).isEqualTo(1);
        assertThat(slices.slow().calls()).isZero();
    }

    @Test
    void inNestedCallsASampleBelongsToTheInnermost() {
        CallSlices slices = new CallSlices(OP, 50 * MS, List.of(
                new CallWindow(OP, 1, 0, 100 * MS),
                new CallWindow(OP, 1, 10 * MS, 20 * MS)));
        slices.sample(1, 15 * MS, "recursing");
        slices.sample(1, 30 * MS, "outer again");

        assertThat(slices.normal().stacks()).containsOnlyKeys("recursing");
        assertThat(slices.slow().stacks()).containsOnlyKeys("outer again");
    }

    @Test
    void theDifferenceIsPerCallSoTheManyNormalCallsDoNotOutweighTheFewSlowOnes() {
        // 1 slow call with 8 samples (4 expensive, 4 cheap); 100 normal calls with 4 cheap samples each.
        List<CallWindow> windows = new java.util.ArrayList<>();
        windows.add(new CallWindow(OP, 1, 0, 100 * MS));
        for (int i = 0; i < 100; i++) {
            windows.add(new CallWindow(OP, 2, i * 20 * MS, i * 20 * MS + 10 * MS));
        }
        CallSlices slices = new CallSlices(OP, 50 * MS, windows);
        for (int i = 0; i < 4; i++) {
            slices.sample(1, (i + 1) * MS, "handle;expensive");
            slices.sample(1, (i + 50) * MS, "handle;cheap");
        }
        for (int call = 0; call < 100; call++) {
            for (int i = 0; i < 4; i++) {
                slices.sample(2, call * 20 * MS + (i + 1) * MS, "handle;cheap");
            }
        }

        Map<String, Double> difference = slices.differenceByStack();
        // Per 1000 calls: the slow call's 4 expensive samples are 4000; cheap work is 4000 in both.
        assertThat(difference.get("handle;expensive")).isCloseTo(4000.0, within(1e-9));
        assertThat(difference.get("handle;cheap")).isCloseTo(0.0, within(1e-9));
        assertThat(slices.normal().samples()).isEqualTo(400);
    }

    @Test
    void anOperationWithoutCallsHasEmptySlices() {
        CallSlices slices = new CallSlices(OP, 50 * MS, List.of());
        slices.sample(1, 10, "anything");
        assertThat(slices.slow().calls()).isZero();
        assertThat(slices.normal().calls()).isZero();
        assertThat(slices.differenceByStack()).isEmpty();
    }

    @Test
    void sliceFilesAreNamedAfterTheProfileTheOperationAndTheSlice() {
        assertThat(CallSlicing.sliceFile(java.nio.file.Path.of("/out/sonde-profile-1-20261206-080000-on-demand.html"),
                "GET /api/orders/{id}", "slow", "html").toString())
                .isEqualTo("/out/sonde-profile-1-20261206-080000-on-demand.GET_api_orders_id.slow.html");
    }
}
