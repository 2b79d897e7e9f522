package dev.sonde.record;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallWindowsTest {

    private final OperationRegistry registry = new OperationRegistry(100);
    private final int followed = registry.register("com.acme.Shop#buy", OperationKind.METHOD);
    private final int other = registry.register("com.acme.Shop#browse", OperationKind.METHOD);

    @Test
    void onlyTheFollowedOperationsCallsAreKeptEachWithItsThreadAndTimes() {
        CallWindows windows = new CallWindows(registry, List.of("com.acme.Shop#buy"));
        long before = System.nanoTime();
        windows.ended(followed, 5_000);
        windows.ended(other, 5_000);
        long after = System.nanoTime();

        assertThat(windows.collected()).hasSize(1);
        CallWindow window = windows.collected().get(0);
        assertThat(window.operation()).isEqualTo("com.acme.Shop#buy");
        assertThat(window.nanos()).isEqualTo(5_000);
        assertThat(window.endNanos()).isBetween(before, after);
    }

    @Test
    void anOperationRegisteredAfterTheProfileStartedIsFollowedByName() {
        CallWindows windows = new CallWindows(registry, List.of("GET /api/orders"));
        int route = registry.registerRoute("GET", "/api/orders");
        windows.ended(route, 1_000);
        assertThat(windows.collected()).extracting(CallWindow::operation).containsExactly("GET /api/orders");
    }

    @Test
    void callsPastTheCapacityAreCountedNotKept() {
        CallWindows windows = new CallWindows(registry, List.of("com.acme.Shop#buy"), 3);
        for (int i = 0; i < 5; i++) {
            windows.ended(followed, 1_000);
        }
        assertThat(windows.collected()).hasSize(3);
        assertThat(windows.leftOut()).isEqualTo(2);
    }

    @Test
    void callsOfOneThreadShareItsIdAndAnotherThreadHasAnother() throws InterruptedException {
        CallWindows windows = new CallWindows(registry, List.of("com.acme.Shop#buy"));
        windows.ended(followed, 1_000);
        windows.ended(followed, 1_000);
        Thread other = new Thread(() -> windows.ended(followed, 1_000));
        other.start();
        other.join();

        List<CallWindow> collected = windows.collected();
        assertThat(collected.get(0).thread()).isEqualTo(collected.get(1).thread());
        assertThat(collected.get(2).thread()).isNotEqualTo(collected.get(0).thread());
    }

    @Test
    void onLinuxThreadsAreNamedByTheirOsIdAsAsyncProfilerNamesThem() {
        CallWindows windows = new CallWindows(registry, List.of("com.acme.Shop#buy"));
        windows.ended(followed, 1_000);
        if (windows.osThreadIds()) {
            assertThat(windows.collected().get(0).thread()).isEqualTo(OsThreadId.current())
                    .isNotEqualTo(Thread.currentThread().getId());
        }
    }

    @Test
    void theRecorderGivesFollowedCallsToTheWindowsOnlyWhileFollowed() {
        ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, false));
        CallWindows windows = new CallWindows(registry, List.of("com.acme.Shop#buy"));
        recorder.record(followed, 1_000, false);
        registry.follow(windows);
        recorder.record(followed, 2_000, false);
        recorder.record(other, 2_000, false);
        registry.stopFollowing();
        recorder.record(followed, 3_000, false);

        assertThat(windows.collected()).extracting(CallWindow::nanos).containsExactly(2_000L);
    }

    @Test
    void aRequestThatWentAsynchronousIsRecordedWithoutAWindow() {
        ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, false));
        CallWindows windows = new CallWindows(registry, List.of("GET /api/orders"));
        registry.follow(windows);
        recorder.asyncRequest("GET", null, "/api/orders", "/api/orders", 200, 5_000, false);
        recorder.request("GET", null, "/api/orders", "/api/orders", 200, 7_000, false);
        registry.stopFollowing();

        assertThat(windows.collected()).extracting(CallWindow::nanos).containsExactly(7_000L);
        assertThat(recorder.snapshotOf("GET /api/orders").orElseThrow().count()).isEqualTo(2);
    }
}
