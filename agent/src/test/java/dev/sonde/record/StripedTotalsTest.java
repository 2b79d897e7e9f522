package dev.sonde.record;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

class StripedTotalsTest {

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, false));
    private final int op = registry.register("a.B#c", OperationKind.METHOD);

    @Test
    void anOperationCalledFromOneThreadKeepsOneStripe() {
        for (int i = 0; i < 100_000; i++) {
            recorder.record(op, 100, false);
        }
        assertThat(registry.operation(op).totals.stripeCount()).isEqualTo(1);
        assertThat(recorder.snapshot().get(0).count()).isEqualTo(100_000);
    }

    @Test
    void snapshotsTakenWhileThreadsContendCountEveryCallOnce() throws Exception {
        int threads = 4;
        int calls = 500_000;
        Thread[] workers = startTogether(threads, () -> {
            for (int i = 0; i < calls; i++) {
                recorder.record(op, 100 + (i & 63), (i & 7) == 0);
            }
        });
        long previous = 0;
        while (anyAlive(workers)) {
            List<OperationSnapshot> snapshot = recorder.snapshot();
            long count = snapshot.isEmpty() ? 0 : snapshot.get(0).count();
            assertThat(count).as("a snapshot taken while stripes grow never counts a call twice")
                    .isLessThanOrEqualTo((long) threads * calls);
            previous = Math.max(previous, count);
        }
        for (Thread worker : workers) {
            worker.join();
        }

        OperationSnapshot total = recorder.snapshot().get(0);
        assertThat(total.count()).isEqualTo((long) threads * calls);
        assertThat(total.errors()).isEqualTo((long) threads * calls / 8);
        assertThat(total.minNanos()).isEqualTo(100);
        assertThat(total.maxNanos()).isEqualTo(163);
        assertThat(registry.operation(op).totals.stripeCount()).isBetween(1, StripedTotals.MAX_STRIPES);
    }

    @Test
    void stripesGrowOnlyWhenThreadsActuallyMeetAtTheLock() throws Exception {
        Assumptions.assumeTrue(StripedTotals.MAX_STRIPES > 1, "one core: one stripe");
        // Threads meet at the lock only when they run at the same moment; on a busy machine that may
        // take a few rounds.
        long deadline = System.nanoTime() + 20_000_000_000L;
        long calls = 0;
        while (registry.operation(op).totals.stripeCount() == 1 && System.nanoTime() < deadline) {
            calls += recordFromThreads(4, 200_000);
        }
        assertThat(registry.operation(op).totals.stripeCount()).isBetween(2, StripedTotals.MAX_STRIPES);
        assertThat(recorder.snapshot().get(0).count()).isEqualTo(calls);
    }

    private long recordFromThreads(int threads, int calls) throws InterruptedException {
        Thread[] workers = startTogether(threads, () -> {
            for (int i = 0; i < calls; i++) {
                recorder.record(op, 100, false);
            }
        });
        for (Thread worker : workers) {
            worker.join();
        }
        return (long) threads * calls;
    }

    /** Starts {@code threads} threads that run {@code work} at the same moment. */
    private static Thread[] startTogether(int threads, Runnable work) {
        CyclicBarrier start = new CyclicBarrier(threads);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                await(start);
                work.run();
            });
            workers[t].start();
        }
        return workers;
    }

    @Test
    void stripeCountsArePowersOfTwo() {
        assertThat(StripedTotals.powerOfTwoAtLeast(1)).isEqualTo(1);
        assertThat(StripedTotals.powerOfTwoAtLeast(2)).isEqualTo(2);
        assertThat(StripedTotals.powerOfTwoAtLeast(3)).isEqualTo(4);
        assertThat(StripedTotals.powerOfTwoAtLeast(8)).isEqualTo(8);
        assertThat(StripedTotals.powerOfTwoAtLeast(9)).isEqualTo(16);
        assertThat(StripedTotals.MAX_STRIPES).isBetween(1, 8);
    }

    private static boolean anyAlive(Thread[] threads) {
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
