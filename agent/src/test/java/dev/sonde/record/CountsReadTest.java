package dev.sonde.record;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export's read ({@link ThreadLocalRecorder#countsOfChanged}) holds what a snapshot's copy holds,
 * without copying a histogram: the same buckets of the same HdrHistograms, the same counters, and
 * it never counts fewer calls than the read before it.
 */
class CountsReadTest {

    private static final int OPERATIONS = 6;

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(true, true));
    private final int[] operations = new int[OPERATIONS];
    /** Counted down by each thread {@link #recordTogether} starts once it has made its calls. */
    private CountDownLatch recorded;

    CountsReadTest() {
        for (int op = 0; op < OPERATIONS; op++) {
            operations[op] = registry.register("a.B#op" + op, op % 2 == 0 ? OperationKind.METHOD : OperationKind.HTTP);
        }
    }

    @Test
    void theReadHoldsExactlyTheBucketsAndCountersOfASnapshotOfTheSameRecording() throws Exception {
        Assumptions.assumeTrue(StripedTotals.MAX_STRIPES > 1, "one core: one stripe");
        growStripes(operations[0]);
        CountDownLatch done = new CountDownLatch(1);
        // Four threads at once (stripes grow where they meet); two end (folded into the totals) and
        // two live on with calls still in their buffers.
        List<Thread> threads = recordTogether(4, 30_000, thread -> thread >= 2 ? done : null);
        recorded.await();
        for (int t = 0; t < 2; t++) {
            threads.get(t).join();
        }
        try {
            Map<String, OperationSnapshot> snapshots = new HashMap<>();
            for (OperationSnapshot snapshot : recorder.snapshot()) {
                snapshots.put(snapshot.name(), snapshot);
            }
            List<OperationCounts> read = recorder.counts();
            assertThat(read).hasSize(OPERATIONS);
            for (OperationCounts counts : read) {
                OperationSnapshot snapshot = snapshots.get(counts.name());
                assertThat(counts.kind()).isEqualTo(snapshot.kind());
                assertThat(counts.calls()).as(counts.name()).isEqualTo(snapshot.calls());
                assertThat(counts.errors()).as(counts.name()).isEqualTo(snapshot.errors());
                assertThat(counts.statusClasses()).as(counts.name()).containsExactly(snapshot.statusClasses());
                assertSameValues(counts.latency(), snapshot.latency(), snapshot.count(), snapshot.totalNanos(),
                        snapshot.minNanos(), snapshot.maxNanos());
                assertThat(counts.latency().min()).isEqualTo(snapshot.minNanos());
                assertSameValues(counts.allocation(), snapshot.allocation(), snapshot.allocationCount(),
                        snapshot.allocatedBytesTotal(), snapshot.allocationCount() == 0 ? 0 : snapshot.allocation().getMinValue(),
                        snapshot.allocatedBytesMax());
            }
            assertThat(read.stream().mapToLong(counts -> counts.allocation().count()).sum()).isPositive();
            assertThat(read.stream().mapToInt(counts -> counts.latency().buckets()).sum())
                    .as("buckets of several values each").isGreaterThan(OPERATIONS * 50);
        } finally {
            done.countDown();
        }
    }

    @Test
    void whileThreadsRecordNoReadCountsLessInAnyBucketThanTheReadBefore() throws Exception {
        CountDownLatch never = new CountDownLatch(0);
        List<Thread> threads = recordTogether(2, 200_000, thread -> never);
        Map<String, Map<Long, Long>> before = new HashMap<>();
        int reads = 0;
        while (threads.stream().anyMatch(Thread::isAlive) || reads < 3) {
            for (OperationCounts counts : recorder.counts()) {
                RecordedValues latency = counts.latency();
                assertThat(counts.errors()).as("errors never count a call the read leaves out")
                        .isLessThanOrEqualTo(latency.count());
                Map<Long, Long> last = before.computeIfAbsent(counts.name(), name -> new HashMap<>());
                long sum = 0;
                for (int b = 0; b < latency.buckets(); b++) {
                    assertThat(latency.countAt(b)).as("bucket of %d in %s", latency.valueAt(b), counts.name())
                            .isGreaterThanOrEqualTo(last.getOrDefault(latency.valueAt(b), 0L));
                    last.put(latency.valueAt(b), latency.countAt(b));
                    sum += latency.countAt(b);
                }
                assertThat(sum).isEqualTo(latency.count());
            }
            reads++;
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long calls = recorder.counts().stream().mapToLong(OperationCounts::calls).sum();
        assertThat(calls).as("every call and cancellation, and each thread's first call").isEqualTo(2 * 200_000 + 2);
    }

    @Test
    void onlyTheOperationsCalledSinceTheExportLastSawThemAreReadAgain() throws InterruptedException {
        int idle = registry.register("a.B#idle", OperationKind.METHOD);
        int busy = registry.register("a.B#busy", OperationKind.METHOD);
        registry.register("a.B#never", OperationKind.METHOD);
        recorder.record(idle, 1_000, false);
        recorder.record(busy, 2_000, false);
        Map<String, Long> seen = new HashMap<>();
        List<OperationCounts> first = recorder.countsOfChanged((kind, name) -> seen.getOrDefault(name, 0L));
        assertThat(first).extracting(OperationCounts::name).containsExactly("a.B#idle", "a.B#busy");
        first.forEach(counts -> seen.put(counts.name(), counts.calls()));
        recorder.record(busy, 3_000, true);
        // A thread that ends after one call: folded into the totals, its call counted once.
        Thread other = new Thread(() -> recorder.record(busy, 4_000, false));
        other.start();
        other.join();
        List<OperationCounts> second = recorder.countsOfChanged((kind, name) -> seen.getOrDefault(name, 0L));
        assertThat(second).extracting(OperationCounts::name).containsExactly("a.B#busy");
        assertThat(second.get(0).latency().count()).isEqualTo(3);
        assertThat(second.get(0).errors()).isEqualTo(1);
        assertThat(second.get(0).latency().total()).isEqualTo(9_000);
        second.forEach(counts -> seen.put(counts.name(), counts.calls()));
        assertThat(recorder.countsOfChanged((kind, name) -> seen.getOrDefault(name, 0L))).as("nothing called since")
                .isEmpty();
    }

    /** Threads meet at the lock only when they run at the same moment; on a busy machine that may take a few rounds. */
    private void growStripes(int operation) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (registry.operation(operation).totals.stripeCount() == 1 && System.nanoTime() < deadline) {
            CyclicBarrier start = new CyclicBarrier(4);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    await(start);
                    for (int i = 0; i < 100_000; i++) {
                        recorder.record(operation, 1_000 + (i & 1023), false);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        assertThat(registry.operation(operation).totals.stripeCount()).as("stripes read one by one")
                .isGreaterThan(1);
    }

    /** The buckets of {@code read} are those the library's own iterator finds in the snapshot's {@code copy}. */
    private static void assertSameValues(RecordedValues read, Histogram copy, long count, long total, long min, long max) {
        List<long[]> expected = new ArrayList<>();
        for (HistogramIterationValue step : copy.recordedValues()) {
            expected.add(new long[] {step.getValueIteratedTo(), step.getCountAddedInThisIterationStep()});
        }
        List<long[]> actual = new ArrayList<>();
        for (int b = 0; b < read.buckets(); b++) {
            actual.add(new long[] {read.valueAt(b), read.countAt(b)});
        }
        assertThat(actual).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected);
        assertThat(read.count()).isEqualTo(count);
        assertThat(read.total()).isEqualTo(total);
        assertThat(read.max()).isEqualTo(max);
        if (count > 0) {
            assertThat(copy.lowestEquivalentValue(read.min())).isEqualTo(copy.lowestEquivalentValue(min));
        }
    }

    /**
     * Starts {@code threads} threads that record {@code calls} random calls each, all at once, and
     * then wait for the latch {@code waitFor} gives them (null: end at once).
     */
    private List<Thread> recordTogether(int threads, int calls, java.util.function.IntFunction<CountDownLatch> waitFor) {
        CyclicBarrier start = new CyclicBarrier(threads);
        recorded = new CountDownLatch(threads);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                Frame frame = (Frame) recorder.enter();
                ThreadRecording recording = frame.owner;
                recorder.exit(frame, operations[0], 1_000, false);
                await(start);
                Random random = new Random(thread);
                for (int i = 0; i < calls; i++) {
                    recordOne(recording, random);
                }
                recorded.countDown();
                CountDownLatch latch = waitFor.apply(thread);
                if (latch != null) {
                    awaitQuietly(latch);
                }
            });
            worker.start();
            started.add(worker);
        }
        return started;
    }

    /**
     * One call of a random operation: durations lognormal around 100 µs, now and then 0, negative
     * (a clock that went back: counted as 0) or too long for a buffer (straight into the totals);
     * allocations from none to megabytes, or unavailable, or not measured; errors, status classes,
     * and a cancellation now and then.
     */
    private void recordOne(ThreadRecording recording, Random random) {
        int op = operations[random.nextInt(OPERATIONS)];
        int pick = random.nextInt(1000);
        if (pick == 0) {
            recording.recordCancelled(op);
            return;
        }
        long nanos = pick == 1 ? 0 : pick == 2 ? -5 : pick == 3 ? 3_000_000_000L
                : (long) (100_000 * Math.exp(1.5 * random.nextGaussian()));
        long allocated = pick < 50 ? AllocationCounter.UNAVAILABLE : pick < 100 ? CallBuffer.NOT_RECORDED
                : pick < 200 ? 0 : (long) Math.exp(random.nextDouble() * 15);
        int statusClass = op % 2 == 1 ? 2 + random.nextInt(4) : ThreadRecording.NO_STATUS;
        recording.record(op, nanos, random.nextInt(100_000), allocated, statusClass, random.nextInt(10) == 0);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
