package dev.sonde.record;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The completion hook of one timed call that returned a {@link CompletionStage}: when the stage
 * completes, the call is recorded, timed from the method's entry. A stage that completed with an
 * exception is an error, one that was cancelled is counted apart.
 *
 * <p>Attached with {@link CompletionStage#whenComplete}, which runs the hook on the thread that
 * completes the stage (or at once, on the caller's thread, if it is complete already) and never
 * changes the stage's own result: the stage {@code whenComplete} returns is dropped, so nothing the
 * hook does, not even a throw, reaches the application. This object, the dependent stage and its
 * link are everything the call allocates.
 */
final class AsyncCompletion implements BiConsumer<Object, Throwable> {

    private final ThreadLocalRecorder recorder;
    private final int operation;
    private final long startNanos;

    private AsyncCompletion(ThreadLocalRecorder recorder, int operation, long startNanos) {
        this.recorder = recorder;
        this.operation = operation;
        this.startNanos = startNanos;
    }

    /**
     * Whether the hook is attached. A stage that refuses it (an implementation whose
     * {@code whenComplete} throws) is not timed to completion: its call is recorded as it returned.
     */
    static boolean attach(ThreadLocalRecorder recorder, int operation, long startNanos, CompletionStage<?> stage) {
        try {
            stage.whenComplete(new AsyncCompletion(recorder, operation, startNanos));
            return true;
        } catch (Throwable refused) {
            return false;
        }
    }

    @Override
    public void accept(Object value, Throwable failure) {
        recorder.asyncEnded(operation, System.nanoTime() - startNanos, cancelled(failure), failure != null);
    }

    /** A dependent stage sees an upstream cancellation wrapped in a {@link CompletionException}. */
    static boolean cancelled(Throwable failure) {
        return failure instanceof CancellationException
                || failure instanceof CompletionException && failure.getCause() instanceof CancellationException;
    }
}
