package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Inlined into the JDK's {@code sun.net.www.protocol.http.HttpURLConnection#connect}: a connection
 * that begins connecting begins its call (a POST connects in {@code getOutputStream}, long before
 * its response is asked for), which {@link HttpUrlConnectionResponseAdvice} ends. A connect that
 * fails outside {@code getInputStream} (an explicit {@code connect()}, {@code getOutputStream})
 * ends the call here, as an error: no response will ever be asked for.
 */
final class HttpUrlConnectionConnectAdvice {

    private HttpUrlConnectionConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean connecting(@Advice.This Object connection, @Advice.FieldValue("connected") boolean connected) {
        if (connected) {
            return false;
        }
        Recorder.clientConnecting(connection);
        return true;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void connectFailed(@Advice.This Object connection, @Advice.Enter boolean began,
                              @Advice.Thrown Throwable thrown) {
        if (!began || thrown == null) {
            return;
        }
        // Null inside getInputStream, which ends the call itself.
        Object token = Recorder.enterClient();
        if (token == null) {
            return;
        }
        long end = System.nanoTime();
        long start = Recorder.clientStartOf(connection, end);
        HttpURLConnection http = (HttpURLConnection) connection;
        URL url = http.getURL();
        Recorder.exitClient(token, http.getRequestMethod(), url.getProtocol(), url.getHost(), url.getPort(),
                url.getPath(), 0, end - start, true);
    }
}
