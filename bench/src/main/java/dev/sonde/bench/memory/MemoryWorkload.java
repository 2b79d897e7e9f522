package dev.sonde.bench.memory;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongBinaryOperator;

/**
 * The program the memory benchmark runs, with and without sonde: generations of thread pools,
 * each of {@code threads} threads calling every one of the {@code operations} generated methods
 * {@code calls} times. Each generation's threads stay alive until the heap has been measured, then
 * end, and a new pool replaces them (thread churn). Prints the heap used after GC as lines
 * {@code memory <point> <bytes>}:
 * <ul>
 *   <li>{@code baseline}: before any call;</li>
 *   <li>{@code live.<n>}: with generation n's threads alive, each having called every operation;
 *       {@code live.first} and {@code live.max} repeat the first and the largest of those;</li>
 *   <li>{@code churned}: after the last generation ended and sonde's housekeeping had time to
 *       fold ended threads (it does once a second).</li>
 * </ul>
 * Arguments: {@code <classes dir> <threads> <operations> <calls> <generations>}.
 */
public final class MemoryWorkload {

    /** sonde folds the recordings of ended threads once a second; wait a few of those. */
    private static final long FOLD_WAIT_MILLIS = 3_000;

    private MemoryWorkload() {
    }

    public static void main(String[] args) throws Exception {
        Path classes = Paths.get(args[0]);
        int threads = Integer.parseInt(args[1]);
        int operations = Integer.parseInt(args[2]);
        int calls = Integer.parseInt(args[3]);
        int generations = Integer.parseInt(args[4]);

        LongBinaryOperator ops = load(classes);
        print("baseline", heapUsedAfterGc());
        long first = 0;
        long max = 0;
        long sink = 0;
        for (int generation = 0; generation < generations; generation++) {
            long[] results = new long[threads];
            long live = runGeneration(ops, threads, operations, calls, results);
            print("live." + (generation + 1), live);
            for (long result : results) {
                sink += result;
            }
            first = generation == 0 ? live : first;
            max = Math.max(max, live);
        }
        print("live.first", first);
        print("live.max", max);
        Thread.sleep(FOLD_WAIT_MILLIS);
        print("churned", heapUsedAfterGc());
        System.out.println("memory checksum " + sink);
    }

    /** One pool of threads: all call every operation, the heap is measured while they live, then they end. */
    private static long runGeneration(LongBinaryOperator ops, int threads, int operations, int calls, long[] results)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch called = new CountDownLatch(threads);
        CountDownLatch measured = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int index = t;
            pool.execute(() -> {
                long x = index;
                for (int call = 0; call < calls; call++) {
                    for (int op = 0; op < operations; op++) {
                        x = ops.applyAsLong(op, x);
                    }
                }
                results[index] = x;
                called.countDown();
                awaitQuietly(measured);
            });
        }
        called.await();
        long live = heapUsedAfterGc();
        measured.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the threads of a generation did not end");
        }
        return live;
    }

    private static LongBinaryOperator load(Path classes) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                MemoryWorkload.class.getClassLoader());
        return (LongBinaryOperator) loader.loadClass(OperationsSource.CLASS_NAME).getDeclaredConstructor().newInstance();
    }

    /** Heap in use after full collections (System.gc() is a full GC with G1 unless disabled), settled over three. */
    private static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void print(String point, long bytes) {
        System.out.println("memory " + point + " " + bytes);
    }
}
