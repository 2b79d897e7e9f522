package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@link ProfilingAdvice} for methods that may return an asynchronous result ({@link AsyncResults}).
 * A call that returns one closes its frame at once (what it took so far is its caller's callee time)
 * and is recorded when the result completes, without self time or allocation: its work runs on
 * other threads, between other calls, where neither can be told apart. What the method returns is
 * as with {@link AsyncMethodTimingAdvice}.
 */
final class AsyncProfilingAdvice {

    private AsyncProfilingAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enterFrame(@Advice.Local("start") long start) {
        Object frame = Recorder.enter();
        start = System.nanoTime();
        return frame;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exitFrame(@OperationId int operation, @Advice.Enter Object frame, @Advice.Local("start") long start,
                          @Advice.Thrown Throwable thrown,
                          @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
                          @Advice.Origin("#r") String declaredType) {
        if (frame == null) { // entering failed, so there is no start time
            return;
        }
        long nanos = System.nanoTime() - start;
        Object completing = thrown == null ? Recorder.completesLater(operation, start, result, declaredType) : null;
        if (completing == null) {
            Recorder.exit(frame, operation, nanos, thrown != null);
        } else {
            Recorder.exitPending(frame, nanos);
            result = completing;
        }
    }
}
