package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Inlined into OkHttp's {@code RealCall#getResponseWithInterceptorChain} (3.x, and 4.x/5.x where
 * Kotlin names it {@code getResponseWithInterceptorChain$okhttp}): every call runs it once, on the
 * caller's thread for {@code execute} and on the dispatcher's for {@code enqueue} (so an enqueued
 * call is timed from when it starts running, not from its wait in the dispatcher's queue).
 * Interceptors, redirects and retries are part of the call. Typed {@code Object} and read inside a
 * {@code try} for the reasons {@link Apache5ClientAdvice} gives.
 *
 * <p>The exit of a client call: its entry is {@link ClientCallEnterAdvice}.
 */
final class OkHttpClientAdvice {

    private OkHttpClientAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exitCall(@Advice.This Object call, @Advice.Return Object returned, @Advice.Enter Object token,
                         @Advice.Local("start") long start, @Advice.Thrown Throwable thrown) {
        if (token == null) {
            return;
        }
        long nanos = System.nanoTime() - start;
        String method = null;
        String scheme = null;
        String host = null;
        int port = -1;
        String path = null;
        int status = 0;
        try {
            Request request = ((Call) call).request();
            HttpUrl url = request.url();
            method = request.method();
            scheme = url.scheme();
            host = url.host();
            port = url.port();
            // The URL's own text (query included, which the name drops): kept by the URL, so
            // reading it allocates nothing, unlike encodedPath().
            path = url.toString();
            status = returned instanceof Response ? ((Response) returned).code() : 0;
        } catch (Throwable unreadable) {
            // Named with what was read; the call still counts.
        }
        Recorder.exitClient(token, method, scheme, host, port, path, status, nanos, thrown != null);
    }
}
