package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the {@code AsyncContext#complete} implementations of {@code jakarta.servlet} and
 * {@code javax.servlet}: an asynchronous request completed without a further dispatch ends here,
 * timed from its original start (see {@link ServletRequestAdvice}).
 */
final class ServletAsyncCompleteAdvice {

    private ServletAsyncCompleteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void completeRequest(@Advice.This Object asyncContext) {
        Recorder.completeServletRequest(asyncContext);
    }
}
