package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@link MethodTimingAdvice} for methods that may return an asynchronous result
 * ({@link AsyncResults}): a call that returns one is recorded when that result completes, by its
 * completion hook; any other call is recorded as it returned. The clock is read before the result
 * is looked at, so a call that returns a plain value is timed as with {@link MethodTimingAdvice}.
 * A Reactor publisher is returned as a publisher of the same type that times its subscriptions;
 * every other result is returned unchanged.
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
                              @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
                              @Advice.Origin("#r") String declaredType) {
        long end = System.nanoTime();
        Object completing = thrown == null ? Recorder.completesLater(operation, start, result, declaredType) : null;
        if (completing == null) {
            Recorder.record(operation, end - start, thrown != null);
        } else {
            result = completing;
        }
    }
}
