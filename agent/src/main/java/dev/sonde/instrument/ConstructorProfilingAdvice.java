package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * {@link ProfilingAdvice} for constructors: without {@code onThrowable}, which the JVM forbids
 * around the super constructor call, so a constructor that throws is not recorded (and its frame is
 * left open until the thread's next call at the same depth closes it).
 */
final class ConstructorProfilingAdvice {

    private ConstructorProfilingAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enterFrame(@Advice.Local("start") long start) {
        Object frame = Recorder.enter();
        start = System.nanoTime();
        return frame;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exitFrame(@OperationId int operation, @Advice.Enter Object frame, @Advice.Local("start") long start) {
        Recorder.exit(frame, operation, System.nanoTime() - start, false);
    }
}
