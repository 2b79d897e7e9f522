package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Inlined into Apache HttpClient 5's classic {@code doExecute(HttpHost, ClassicHttpRequest,
 * HttpContext)} ({@code InternalHttpClient}, {@code MinimalHttpClient}), which every
 * {@code execute} overload runs, once per call, redirects and retries included. A response handler
 * given to {@code execute} runs after it: reading the answer into objects is the application's time.
 *
 * <p>Parameters are typed {@code Object} and cast inside: sonde's class loader cannot see Apache's
 * types; the inlined body resolves them in the application's loader, where this advice only ever
 * lands. What the request tells is read inside a {@code try}: whatever fails there, the call is
 * still ended, and the thread's claim released.
 *
 * <p>The exit of a client call: its entry is {@link ClientCallEnterAdvice}.
 */
final class Apache5ClientAdvice {

    private Apache5ClientAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exitCall(@Advice.Argument(0) Object target, @Advice.Argument(1) Object argument,
                         @Advice.Return Object returned, @Advice.Enter Object token,
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
            ClassicHttpRequest request = (ClassicHttpRequest) argument;
            method = request.getMethod();
            path = request.getPath();
            if (target != null) {
                HttpHost server = (HttpHost) target;
                scheme = server.getSchemeName();
                host = server.getHostName();
                port = server.getPort();
            } else {
                URIAuthority authority = request.getAuthority();
                scheme = request.getScheme();
                host = authority == null ? null : authority.getHostName();
                port = authority == null ? -1 : authority.getPort();
            }
            status = returned instanceof HttpResponse ? ((HttpResponse) returned).getCode() : 0;
        } catch (Throwable unreadable) {
            // Named with what was read; the call still counts.
        }
        Recorder.exitClient(token, method, scheme, host, port, path, status, nanos, thrown != null);
    }
}
