package dev.sonde.record;

import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The completion hook of an asynchronous outbound HTTP call ({@code HttpClient#sendAsync}): when
 * its response arrives, the call is recorded with the response's status, timed from the call's
 * start; a call that completed with an exception is an error, a cancelled one is counted apart.
 * Attached like {@link AsyncCompletion}, with the same guarantees: the application's stage is
 * never changed, and nothing the hook does reaches it.
 */
final class ClientCompletion implements BiConsumer<Object, Throwable> {

    private final ThreadLocalRecorder recorder;
    private final int operation;
    private final long startNanos;

    private ClientCompletion(ThreadLocalRecorder recorder, int operation, long startNanos) {
        this.recorder = recorder;
        this.operation = operation;
        this.startNanos = startNanos;
    }

    /** Whether the hook is attached; if the stage refuses it, the call is recorded as it returned. */
    static boolean attach(ThreadLocalRecorder recorder, int operation, long startNanos, CompletionStage<?> stage) {
        try {
            stage.whenComplete(new ClientCompletion(recorder, operation, startNanos));
            return true;
        } catch (Throwable refused) {
            return false;
        }
    }

    @Override
    public void accept(Object response, Throwable failure) {
        long nanos = System.nanoTime() - startNanos;
        try {
            if (AsyncCompletion.cancelled(failure)) {
                recorder.asyncCancelled(operation);
            } else {
                recorder.clientCompleted(operation, nanos, failure == null ? JdkHttpResponses.status(response) : 0,
                        failure != null);
            }
        } catch (Throwable unrecorded) {
            recorder.adviceFailed(unrecorded, "completion hook of outbound call " + operation);
        }
    }
}
