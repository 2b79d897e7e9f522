package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Inlined into the JDK's {@code HttpClientImpl#send}: the call as one outbound operation, from the
 * request to the response (its body read by the handler the application gave). {@code send} runs
 * on {@code sendAsync}, which the thread's claim then leaves uncounted.
 *
 * <p>The exit of a client call: its entry is {@link ClientCallEnterAdvice}.
 */
final class JdkHttpClientSendAdvice {

    private JdkHttpClientSendAdvice() {
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
        int status = returned instanceof HttpResponse ? ((HttpResponse<?>) returned).statusCode() : 0;
        Recorder.exitClient(token, request == null ? null : request.method(), uri == null ? null : uri.getScheme(),
                uri == null ? null : uri.getHost(), uri == null ? -1 : uri.getPort(),
                uri == null ? null : uri.getRawPath(), status, nanos, thrown != null);
    }
}
