package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * {@link MethodTimingAdvice} for methods that may return an asynchronous result
 * ({@link AsyncResults}): a call that returns one is recorded when that result completes, by its
 * completion hook; any other call is recorded as it returned. The clock is read before the result
 * is looked at, so a call that returns a plain value is timed as with {@link MethodTimingAdvice}.
 */
final class AsyncMethodTimingAdvice {

    private AsyncMethodTimingAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long startTimer() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void recordLatency(@OperationId int operation, @Advice.Enter long start, @Advice.Thrown Throwable thrown,
                              @Advice.Return Object result) {
        long end = System.nanoTime();
        if (thrown != null || !Recorder.completesLater(operation, start, result)) {
            Recorder.record(operation, end - start, thrown != null);
        }
    }
}
