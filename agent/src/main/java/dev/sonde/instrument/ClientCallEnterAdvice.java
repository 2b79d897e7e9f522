package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * The entry of every outbound HTTP call's advice, paired with each client's exit advice (which
 * reads that client's types): claims the thread's client call and reads the clock. The token is
 * null inside another client call, and the exit then records nothing. The exit advice shares the
 * {@code start} local by name.
 */
final class ClientCallEnterAdvice {

    private ClientCallEnterAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enterCall(@Advice.Local("start") long start) {
        Object token = Recorder.enterClient();
        start = System.nanoTime();
        return token;
    }
}
