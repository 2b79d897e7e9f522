package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the JDK's {@code sun.net.www.protocol.http.HttpURLConnection#connect}: a connection
 * that begins connecting begins its call (a POST connects in {@code getOutputStream}, long before
 * its response is asked for), which {@link HttpUrlConnectionResponseAdvice} ends.
 */
final class HttpUrlConnectionConnectAdvice {

    private HttpUrlConnectionConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void connecting(@Advice.This Object connection, @Advice.FieldValue("connected") boolean connected) {
        if (!connected) {
            Recorder.clientConnecting(connection);
        }
    }
}
