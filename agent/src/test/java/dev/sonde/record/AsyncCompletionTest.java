package dev.sonde.record;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that returned a {@link CompletionStage}, through the calls the inlined async advice makes:
 * {@code completesLater} at its exit, the hook when the stage completes.
 */
class AsyncCompletionTest {

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(true, true));
    private final int caller = registry.register("a#caller", OperationKind.METHOD);
    private final int async = registry.register("a#async", OperationKind.METHOD);

    @Test
    void aFutureReturnedIncompleteIsRecordedWhenItCompletesNotWhenTheMethodReturns() {
        CompletableFuture<String> result = new CompletableFuture<>();
        long start = System.nanoTime() - 5_000_000;

        assertThat(recorder.completesLater(async, start, result, "java.lang.Object")).as("returned as it is").isSameAs(result);
        assertThat(recorder.snapshotOf("a#async").orElseThrow().count()).isZero();

        result.complete("value");

        OperationSnapshot snapshot = recorder.snapshotOf("a#async").orElseThrow();
        assertThat(snapshot.count()).isEqualTo(1);
        assertThat(snapshot.errors()).isZero();
        assertThat(snapshot.minNanos()).as("timed from the method's entry").isGreaterThanOrEqualTo(5_000_000);
    }

    @Test
    void aFutureCompletedWithAnExceptionIsAnError() {
        CompletableFuture<String> result = new CompletableFuture<>();
        recorder.completesLater(async, System.nanoTime(), result, "java.lang.Object");

        result.completeExceptionally(new IllegalStateException("failed"));

        OperationSnapshot snapshot = recorder.snapshotOf("a#async").orElseThrow();
        assertThat(snapshot.count()).isEqualTo(1);
        assertThat(snapshot.errors()).isEqualTo(1);
        assertThat(snapshot.cancelled()).isZero();
    }

    @Test
    void aCancelledFutureIsCountedAsCancelledNeitherAsACallNorAsAnError() {
        CompletableFuture<String> result = new CompletableFuture<>();
        recorder.completesLater(async, System.nanoTime(), result, "java.lang.Object");

        result.cancel(true);

        OperationSnapshot snapshot = recorder.snapshotOf("a#async").orElseThrow();
        assertThat(snapshot.cancelled()).isEqualTo(1);
        assertThat(snapshot.count()).isZero();
        assertThat(snapshot.errors()).isZero();
        assertThat(recorder.snapshot()).as("an operation whose calls were all cancelled is still reported")
                .extracting(OperationSnapshot::name).containsExactly("a#async");
    }

    @Test
    void aCancellationSeenThroughADependentStageIsStillACancellation() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> dependent = source.thenApply(s -> s + "!");
        recorder.completesLater(async, System.nanoTime(), dependent, "java.lang.Object");

        source.cancel(true);

        assertThat(recorder.snapshotOf("a#async").orElseThrow().cancelled()).isEqualTo(1);
    }

    @Test
    void aResultThatIsNoStageLeavesTheCallToTheAdvice() {
        assertThat(recorder.completesLater(async, System.nanoTime(), "plain", "java.lang.Object")).isNull();
        assertThat(recorder.completesLater(async, System.nanoTime(), null, "java.lang.Object")).isNull();
    }

    @Test
    void aStageThatRefusesTheHookLeavesTheCallToTheAdvice() {
        CompletableFuture<String> refusing = new CompletableFuture<>() {
            @Override
            public CompletableFuture<String> whenComplete(java.util.function.BiConsumer<? super String, ? super Throwable> action) {
                throw new UnsupportedOperationException("no dependents");
            }
        };

        assertThat(recorder.completesLater(async, System.nanoTime(), refusing, "java.lang.Object")).isNull();
    }

    @Test
    void theHookRunsOnTheCompletingThreadAndLeavesTheValueAndTheDependentsAlone() throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        recorder.completesLater(async, System.nanoTime(), result, "java.lang.Object");
        AtomicReference<Thread> dependentRanOn = new AtomicReference<>();
        CompletableFuture<String> dependent = result.thenApply(value -> {
            dependentRanOn.set(Thread.currentThread());
            return value + "!";
        });

        Thread completer = new Thread(() -> result.complete("value"), "completer");
        completer.start();
        completer.join(10_000);

        assertThat(result.join()).isEqualTo("value");
        assertThat(dependent.join()).isEqualTo("value!");
        assertThat(dependentRanOn.get()).isSameAs(completer);
        assertThat(recorder.snapshotOf("a#async").orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void anAsyncCallHasNeitherSelfTimeNorAllocationAndItsReturnIsItsCallersCalleeTime() {
        Object callerFrame = recorder.enter();
        Object asyncFrame = recorder.enter();
        CompletableFuture<String> result = new CompletableFuture<>();
        recorder.completesLater(async, System.nanoTime(), result, "java.lang.Object");
        recorder.exitPending(asyncFrame, 30);
        recorder.exit(callerFrame, caller, 100, false);

        result.complete("value");

        OperationSnapshot asyncCall = recorder.snapshotOf("a#async").orElseThrow();
        assertThat(asyncCall.count()).isEqualTo(1);
        assertThat(asyncCall.selfCount()).as("self time unavailable").isZero();
        assertThat(asyncCall.allocationCount()).isZero();
        assertThat(asyncCall.allocationUnavailable()).isEqualTo(1);
        OperationSnapshot callerCall = recorder.snapshotOf("a#caller").orElseThrow();
        assertThat(callerCall.selfTotalNanos()).as("100 minus the 30 until the future was returned").isEqualTo(70);
    }

    @Test
    void aFrameLeftPendingIsClosedSoTheNextCallsAreAccountedAsBefore() {
        Object callerFrame = recorder.enter();
        Object asyncFrame = recorder.enter();
        recorder.completesLater(async, System.nanoTime(), new CompletableFuture<String>(), "java.lang.Object");
        recorder.exitPending(asyncFrame, 10);
        Object siblingFrame = recorder.enter();
        recorder.exit(siblingFrame, async, 20, false);
        recorder.exit(callerFrame, caller, 100, false);

        assertThat(recorder.snapshotOf("a#caller").orElseThrow().selfTotalNanos()).isEqualTo(70);
    }

    @Test
    void aCompletionAfterSondeLetGoRecordsNothingAndThrowsNothing() {
        CompletableFuture<String> result = new CompletableFuture<>();
        recorder.completesLater(async, System.nanoTime(), result, "java.lang.Object");
        recorder.release();

        result.complete("value");

        assertThat(result.join()).isEqualTo("value");
        assertThat(recorder.snapshotOf("a#async").orElseThrow().count()).isZero();
        assertThat(recorder.threadsWithBuffers()).isZero();
    }
}
