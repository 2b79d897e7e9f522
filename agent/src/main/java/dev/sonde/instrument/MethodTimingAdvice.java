package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into every timed method. A call that throws is recorded as an error and the exception
 * continues unchanged; a failure inside the advice itself is never seen by the method, only counted
 * ({@link AdviceFailureHandler}).
 */
final class MethodTimingAdvice {

    private MethodTimingAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long startTimer() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void recordLatency(@OperationId int operation, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        Recorder.record(operation, System.nanoTime() - start, thrown != null);
    }
}
