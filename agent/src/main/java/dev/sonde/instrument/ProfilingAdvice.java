package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into timed methods when allocation or self time is recorded: the thread's frame is
 * entered first (reading the allocation counter), the clock read last, so the bookkeeping is
 * outside the measured time. A call that throws is recorded as an error and the exception continues
 * unchanged.
 */
final class ProfilingAdvice {

    private ProfilingAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enterFrame(@Advice.Local("start") long start) {
        Object frame = Recorder.enter();
        start = System.nanoTime();
        return frame;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exitFrame(@OperationId int operation, @Advice.Enter Object frame, @Advice.Local("start") long start,
                          @Advice.Thrown Throwable thrown) {
        if (frame != null) { // null: entering failed, so there is no start time
            Recorder.exit(frame, operation, System.nanoTime() - start, thrown != null);
        }
    }
}
