package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Inlined into the JDK's {@code HttpClientImpl#sendAsync} (with and without a push promise
 * handler): the call ends when the future it returned completes, with the response's status, not
 * when {@code sendAsync} returns. The caller's self time leaves out only the time until it returned.
 *
 * <p>The exit of a client call: its entry is {@link ClientCallEnterAdvice}.
 */
final class JdkHttpClientSendAsyncAdvice {

    private JdkHttpClientSendAsyncAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exitCall(@Advice.Argument(0) Object argument, @Advice.Return Object returned,
                         @Advice.Enter Object token, @Advice.Local("start") long start,
                         @Advice.Thrown Throwable thrown) {
        if (token == null) {
            return;
        }
        long nanos = System.nanoTime() - start;
        HttpRequest request = argument instanceof HttpRequest ? (HttpRequest) argument : null;
        URI uri = request == null ? null : request.uri();
        String method = request == null ? null : request.method();
        String scheme = uri == null ? null : uri.getScheme();
        String host = uri == null ? null : uri.getHost();
        int port = uri == null ? -1 : uri.getPort();
        String path = uri == null ? null : uri.getRawPath();
        if (thrown != null) {
            Recorder.exitClient(token, method, scheme, host, port, path, 0, nanos, true);
        } else {
            Recorder.exitClientPending(token, method, scheme, host, port, path, start, nanos, returned);
        }
    }
}
