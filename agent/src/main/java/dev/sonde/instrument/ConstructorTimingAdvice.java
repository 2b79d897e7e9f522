package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into timed constructors ({@code #<init>} patterns). The JVM forbids catching around the
 * super constructor call, so a constructor that throws is not recorded at all.
 */
final class ConstructorTimingAdvice {

    private ConstructorTimingAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long startTimer() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void recordLatency(@OperationId int operation, @Advice.Enter long start) {
        Recorder.record(operation, System.nanoTime() - start, false);
    }
}
