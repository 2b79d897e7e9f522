package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletionStage;

/**
 * Inlined into the JDK's {@code HttpClientImpl#send} and {@code #sendAsync} (with and without a push
 * promise handler). {@code send} returns the response: the call ends there, its body read by the
 * handler the application gave. {@code sendAsync} returns a future: the call ends when that
 * completes, with the response's status, not when {@code sendAsync} returns (the caller's self time
 * leaves out only the time until it returned). {@code send} runs on {@code sendAsync}, which the
 * thread's claim then leaves uncounted.
 *
 * <p>The exit of a client call: its entry is {@link ClientCallEnterAdvice}.
 */
final class JdkHttpClientAdvice {

    private JdkHttpClientAdvice() {
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
        if (thrown == null && returned instanceof CompletionStage) {
            Recorder.exitClientPending(token, method, scheme, host, port, path, start, nanos, returned);
        } else {
            int status = returned instanceof HttpResponse ? ((HttpResponse<?>) returned).statusCode() : 0;
            Recorder.exitClient(token, method, scheme, host, port, path, status, nanos, thrown != null);
        }
    }
}
