package dev.sonde.record;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timed method that recurses until its stack overflows, caught by the application, again and
 * again: the overflow strikes wherever it strikes, in a buffer hand-over too, and must never leave a
 * stripe locked, or every later snapshot of the operation (a dump, the report at exit) would wait
 * for it forever.
 */
class StackOverflowRecordingTest {

    private final OperationRegistry registry = new OperationRegistry(10);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(false, false));
    private final int deep = registry.register("a.Tree#walk", OperationKind.METHOD);

    @Test
    void overflowsInTheMiddleOfRecordingNeverLeaveAStripeLocked() throws Exception {
        Thread overflowing = new Thread(null, () -> {
            for (int i = 0; i < 300; i++) {
                try {
                    walk(0);
                } catch (StackOverflowError expected) {
                    // As the application does.
                }
            }
        }, "overflowing", 128 * 1024);
        overflowing.start();
        overflowing.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(overflowing.isAlive()).isFalse();

        CompletableFuture<Long> snapshot = CompletableFuture.supplyAsync(
                () -> recorder.snapshotOf("a.Tree#walk").orElseThrow().count());
        assertThat(snapshot.get(10, TimeUnit.SECONDS)).as("a snapshot after the overflows").isPositive();
    }

    private int walk(int depth) {
        recorder.record(deep, 1_000 + depth, false);
        return walk(depth + 1) + 1;
    }
}
