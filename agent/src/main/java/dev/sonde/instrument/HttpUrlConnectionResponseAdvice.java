package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Inlined into the JDK's {@code sun.net.www.protocol.http.HttpURLConnection#getInputStream}, where
 * the request is sent and the response's head read; {@code getResponseCode}, {@code getHeaderField}
 * and the others all come here first. A connection makes one call: only the first
 * {@code getInputStream} counts (the later ones find its stream or its failure remembered). The
 * call began when the connection first connected ({@link HttpUrlConnectionConnectAdvice}), or here.
 * A 4xx or 5xx response makes {@code getInputStream} throw; its status, not the exception, decides.
 * The call is named by the request the application made, read as the method begins:
 * {@code getInputStream} follows redirects itself, and then holds the last one's URL and method
 * (a POST answered by 303 becomes a GET of another path, perhaps on another server).
 */
final class HttpUrlConnectionResponseAdvice {

    private HttpUrlConnectionResponseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enterCall(@Advice.This Object connection, @Advice.FieldValue("inputStream") Object answered,
                            @Advice.FieldValue("rememberedException") Object failed,
                            @Advice.Local("start") long start, @Advice.Local("url") URL url,
                            @Advice.Local("method") String method) {
        if (answered != null || failed != null) {
            return null;
        }
        Object token = Recorder.enterClient();
        HttpURLConnection http = (HttpURLConnection) connection;
        url = http.getURL();
        method = http.getRequestMethod();
        start = System.nanoTime();
        return token;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exitCall(@Advice.This Object connection, @Advice.FieldValue("responseCode") int status,
                         @Advice.Enter Object token, @Advice.Local("start") long start,
                         @Advice.Local("url") URL url, @Advice.Local("method") String method,
                         @Advice.Thrown Throwable thrown) {
        if (token == null || url == null) {
            return;
        }
        long end = System.nanoTime();
        // A connect inside this call remembered a later start: the earlier one counts.
        long begin = Math.min(start, Recorder.clientStartOf(connection, start));
        Recorder.exitClient(token, method, url.getProtocol(), url.getHost(), url.getPort(),
                url.getPath(), status, end - begin, thrown != null);
    }
}
