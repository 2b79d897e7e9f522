package dev.sonde.record;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadLocalRecorderTest {

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(true, true));

    @Test
    void snapshotCountsCallsStillWaitingInThreadBuffers() {
        int op = registry.register("a.B#c", OperationKind.METHOD);
        for (int i = 0; i < 10; i++) {
            recorder.record(op, 1_000 + i, i % 5 == 0);
        }
        OperationSnapshot snapshot = only(recorder.snapshot());
        assertThat(snapshot.count()).isEqualTo(10);
        assertThat(snapshot.errors()).isEqualTo(2);
        assertThat(snapshot.totalNanos()).isEqualTo(10 * 1_000 + 45);
        assertThat(snapshot.minNanos()).isEqualTo(1_000);
        assertThat(snapshot.maxNanos()).isEqualTo(1_009);
    }

    @Test
    void callsBeyondOneBufferAreHandedOverAndCountedOnce() {
        int op = registry.register("a.B#c", OperationKind.METHOD);
        int calls = CallBuffer.CAPACITY * 3 + 7;
        for (int i = 0; i < calls; i++) {
            recorder.record(op, 50, false);
        }
        assertThat(only(recorder.snapshot()).count()).isEqualTo(calls);
        assertThat(only(recorder.snapshot()).count()).as("a snapshot changes nothing").isEqualTo(calls);
    }

    @Test
    void endedThreadsAreFoldedIntoTotalsAndForgotten() throws InterruptedException {
        int op = registry.register("a.B#c", OperationKind.METHOD);
        int threads = 200;
        int callsPerThread = 100;
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < callsPerThread; i++) {
                    recorder.record(op, 10, false);
                }
            });
            thread.start();
            thread.join();
        }
        recorder.foldFinishedThreads();
        assertThat(recorder.threadsWithBuffers()).isZero();
        assertThat(only(recorder.snapshot()).count()).isEqualTo((long) threads * callsPerThread);
    }

    @Test
    void newThreadsFoldTheEndedOnesSoAReplacedPoolIsReleasedWithoutTheHousekeeper() throws InterruptedException {
        int op = registry.register("a.B#c", OperationKind.METHOD);
        int poolSize = 64;
        int pools = 10;
        for (int pool = 0; pool < pools; pool++) {
            Thread[] threads = new Thread[poolSize];
            for (int t = 0; t < poolSize; t++) {
                threads[t] = new Thread(() -> recorder.record(op, 10, false));
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        assertThat(recorder.threadsWithBuffers()).as("at most the last pool and a fold's worth of threads")
                .isLessThanOrEqualTo(poolSize + ThreadLocalRecorder.FOLD_EVERY_NEW_THREADS);
        assertThat(only(recorder.snapshot()).count()).isEqualTo((long) poolSize * pools);
    }

    @Test
    void concurrentFoldsCountEachEndedThreadOnce() throws InterruptedException {
        int op = registry.register("a.B#c", OperationKind.METHOD);
        for (int round = 0; round < 50; round++) {
            Thread worker = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    recorder.record(op, 10, false);
                }
            });
            worker.start();
            worker.join();
            Thread[] folders = new Thread[4];
            for (int f = 0; f < folders.length; f++) {
                folders[f] = new Thread(recorder::foldFinishedThreads);
                folders[f].start();
            }
            for (Thread folder : folders) {
                folder.join();
            }
        }
        assertThat(only(recorder.snapshot()).count()).isEqualTo(50L * 1000);
    }

    @Test
    void afterReleaseALiveThreadHoldsNothingOfTheRecording() throws Exception {
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        WeakReference<ThreadRecording> recording = recordOnALiveThread(recorded, finish);
        try {
            recorded.await();
            // The thread lives on (an idle pool thread); only release() lets its recording go.
            for (int i = 0; i < 20 && recording.get() != null; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertThat(recording.get()).as("nothing of sonde is reachable from the live thread").isNull();
        } finally {
            finish.countDown();
        }
    }

    /** A thread records, then waits; the recorder is released and forgotten. */
    private static WeakReference<ThreadRecording> recordOnALiveThread(CountDownLatch recorded, CountDownLatch finish)
            throws InterruptedException {
        OperationRegistry ownRegistry = new OperationRegistry(10);
        ThreadLocalRecorder own = new ThreadLocalRecorder(ownRegistry, new RecordingOptions(false, false));
        int op = ownRegistry.register("a.B#c", OperationKind.METHOD);
        AtomicReference<ThreadRecording> seen = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            own.record(op, 10, false);
            seen.set(own.threadRecordings().get(0));
            started.countDown();
            await(finish);
        });
        thread.setDaemon(true);
        thread.start();
        started.await();
        own.release();
        WeakReference<ThreadRecording> reference = new WeakReference<>(seen.getAndSet(null));
        recorded.countDown();
        return reference;
    }

    @Test
    void liveThreadsKeepTheirBuffersUntilTheyEnd() throws InterruptedException {
        int op = registry.register("a.B#c", OperationKind.METHOD);
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            recorder.record(op, 10, false);
            recorded.countDown();
            await(release);
        });
        worker.start();
        recorded.await();
        recorder.foldFinishedThreads();
        assertThat(recorder.threadsWithBuffers()).isEqualTo(1);
        assertThat(only(recorder.snapshot()).count()).isEqualTo(1);
        release.countDown();
        worker.join();
        recorder.foldFinishedThreads();
        assertThat(recorder.threadsWithBuffers()).isZero();
        assertThat(only(recorder.snapshot()).count()).isEqualTo(1);
    }

    @Test
    void snapshotsTakenWhileThreadsRecordNeverCountMoreThanWasRecordedNorFewerThanTheSnapshotBefore()
            throws InterruptedException {
        int op = registry.register("a.B#c", OperationKind.METHOD);
        int threads = 4;
        int callsPerThread = 200_000;
        AtomicBoolean miscounted = new AtomicBoolean();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < callsPerThread; i++) {
                    recorder.record(op, i & 1023, false);
                }
            });
            workers[t].start();
        }
        long previous = 0;
        while (anyAlive(workers)) {
            List<OperationSnapshot> snapshots = recorder.snapshot();
            long count = snapshots.isEmpty() ? 0 : snapshots.get(0).count();
            if (count > (long) threads * callsPerThread || count < previous) {
                miscounted.set(true);
            }
            previous = count;
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(miscounted).isFalse();
        assertThat(only(recorder.snapshot()).count()).isEqualTo((long) threads * callsPerThread);
    }

    @Test
    void operationsNeverCalledAreLeftOutOfSnapshots() {
        int called = registry.register("a.B#called", OperationKind.METHOD);
        registry.register("a.B#idle", OperationKind.METHOD);
        recorder.record(called, 5, false);
        Map<String, Long> counts = recorder.snapshot().stream()
                .collect(Collectors.toMap(OperationSnapshot::name, OperationSnapshot::count));
        assertThat(counts).containsOnly(Map.entry("a.B#called", 1L));
    }

    @Test
    void selfTimeIsTheCallMinusItsTimedCallees() {
        int parent = registry.register("a#parent", OperationKind.METHOD);
        int child = registry.register("a#child", OperationKind.METHOD);
        Object parentFrame = recorder.enter();
        Object first = recorder.enter();
        recorder.exit(first, child, 30, false);
        Object second = recorder.enter();
        recorder.exit(second, child, 20, false);
        recorder.exit(parentFrame, parent, 100, false);

        Map<String, OperationSnapshot> byName = byName();
        assertThat(byName.get("a#parent").selfTotalNanos()).isEqualTo(50);
        assertThat(byName.get("a#child").selfTotalNanos()).isEqualTo(50);
        assertThat(byName.get("a#parent").totalNanos()).isEqualTo(100);
    }

    @Test
    void aFrameLeftOpenDoesNotShiftTheAccountingOfLaterCalls() {
        int parent = registry.register("a#parent", OperationKind.METHOD);
        int child = registry.register("a#child", OperationKind.METHOD);
        Object outer = recorder.enter();
        recorder.enter(); // an exit advice that failed: entered, never exited
        recorder.exit(outer, parent, 10, false);

        Object parentFrame = recorder.enter();
        Object childFrame = recorder.enter();
        recorder.exit(childFrame, child, 30, false);
        recorder.exit(parentFrame, parent, 100, false);

        assertThat(byName().get("a#parent").selfTotalNanos()).isEqualTo(10 + 70);
    }

    @Test
    void allocationOfACallIsMeasuredOnThisJvm() {
        int op = registry.register("a#allocates", OperationKind.METHOD);
        Object frame = recorder.enter();
        sink = new long[100_000];
        recorder.exit(frame, op, 10, false);

        OperationSnapshot snapshot = byName().get("a#allocates");
        assertThat(snapshot.allocationUnavailable()).isZero();
        assertThat(snapshot.allocatedBytesTotal()).isBetween(800_000L, 900_000L);
    }

    @Test
    void durationOnlyRecordsCarryNoSelfTimeOrAllocation() {
        int op = registry.register("a#b", OperationKind.METHOD);
        recorder.record(op, 10, false);
        OperationSnapshot snapshot = byName().get("a#b");
        assertThat(snapshot.selfCount()).isZero();
        assertThat(snapshot.allocationCount()).isZero();
        assertThat(snapshot.allocationUnavailable()).isZero();
    }

    @Test
    void aTimingOnlyRecordingCountsEveryCallExactlyWithoutSelfTimeOrAllocation() {
        OperationRegistry ownRegistry = new OperationRegistry(10);
        ThreadLocalRecorder timingOnly = new ThreadLocalRecorder(ownRegistry, new RecordingOptions(false, false));
        int op = ownRegistry.register("a#b", OperationKind.METHOD);
        int calls = CallBuffer.CAPACITY * 2 + 5;
        for (int i = 0; i < calls; i++) {
            timingOnly.exit(timingOnly.enter(), op, 100 + i % 3, i == 7);
        }
        OperationSnapshot snapshot = only(timingOnly.snapshot());
        assertThat(snapshot.count()).isEqualTo(calls);
        assertThat(snapshot.errors()).isEqualTo(1);
        assertThat(snapshot.minNanos()).isEqualTo(100);
        assertThat(snapshot.maxNanos()).isEqualTo(102);
        assertThat(snapshot.selfCount()).isZero();
        assertThat(snapshot.allocationCount()).isZero();
        assertThat(snapshot.allocationUnavailable()).isZero();
    }

    @Test
    void aRequestOfAKnownRouteAllocatesNothing() {
        String method = "GET";
        String template = "/api/owners/{id}";
        String path = "/api/owners/7";
        for (int i = 0; i < CallBuffer.CAPACITY * 3; i++) {
            recorder.claimRequest();
            recorder.request(method, template, "/", "/api/owners/" + i, 200 + i % 300, 1_000, false);
            recorder.releaseRequest();
        }
        long[] windows = new long[3];
        for (int w = 0; w < windows.length; w++) {
            long before = allocatedBytes();
            for (int i = 0; i < CallBuffer.CAPACITY * 2; i++) {
                recorder.claimRequest();
                recorder.request(method, template, "/", path, i % 2 == 0 ? 200 : 404, 1_000, false);
                recorder.releaseRequest();
            }
            windows[w] = allocatedBytes() - before;
        }
        assertThat(windows).as("bytes allocated by 128 requests (buffers handed over twice), in three windows")
                .containsOnly(0L);
        assertThat(byName().get("GET /api/owners/{id}").count()).isEqualTo(CallBuffer.CAPACITY * 9);
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    @Test
    void onlyTheOutermostRequestHandlerOfAThreadClaimsIt() {
        assertThat(recorder.claimRequest()).isTrue();
        assertThat(recorder.claimRequest()).as("a nested handler").isFalse();
        recorder.releaseRequest();
        assertThat(recorder.claimRequest()).as("the next request").isTrue();
        recorder.releaseRequest();
    }

    static volatile Object sink;

    private Map<String, OperationSnapshot> byName() {
        return recorder.snapshot().stream().collect(Collectors.toMap(OperationSnapshot::name, s -> s));
    }

    private static boolean anyAlive(Thread[] threads) {
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OperationSnapshot only(List<OperationSnapshot> snapshots) {
        assertThat(snapshots).hasSize(1);
        return snapshots.get(0);
    }
}
