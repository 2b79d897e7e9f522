package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * {@link ProfilingAdvice} for constructors. It has no {@code onThrowable}: the JVM forbids an
 * exception handler around the super constructor call, and Byte Buddy's Advice refuses one in a
 * constructor. So a constructor that throws is not recorded, and its exit advice never runs.
 *
 * <p>That is why a constructor takes no frame of its own (a frame it left open would take the time
 * of the thread's later calls, and each outermost one would deepen the thread's stack for good).
 * It runs in its caller's frame instead and keeps, in locals, that frame's callee time and the
 * allocation counter as it began. When it returns, its timed callees' time is taken out of its
 * self time and its whole duration counted as its caller's callee time; when it throws, its
 * timed callees simply stay its caller's, as if the constructor were not timed.
 */
final class ConstructorProfilingAdvice {

    private ConstructorProfilingAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enterCallersFrame(@Advice.Local("start") long start, @Advice.Local("callees") long callees,
                                    @Advice.Local("allocation") long allocation) {
        Object frame = Recorder.enterConstructor();
        callees = Recorder.calleeNanos(frame);
        allocation = Recorder.allocationCounter();
        start = System.nanoTime();
        return frame;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exitCallersFrame(@OperationId int operation, @Advice.Enter Object frame,
                                 @Advice.Local("start") long start, @Advice.Local("callees") long callees,
                                 @Advice.Local("allocation") long allocation) {
        if (frame != null) { // null: entering failed, so there is no start time
            Recorder.exitConstructor(frame, operation, System.nanoTime() - start, callees, allocation);
        }
    }
}
