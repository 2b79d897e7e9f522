package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.RequestLine;
import org.apache.http.client.methods.HttpUriRequest;

import java.net.URI;

/**
 * Inlined into Apache HttpClient 4's {@code doExecute(HttpHost, HttpRequest, HttpContext)}
 * ({@code InternalHttpClient}, {@code MinimalHttpClient}, the older {@code AbstractHttpClient}),
 * which every {@code execute} overload runs once per call. Typed {@code Object} and read inside a
 * {@code try} for the reasons {@link Apache5ClientAdvice} gives.
 *
 * <p>The exit of a client call: its entry is {@link ClientCallEnterAdvice}.
 */
final class Apache4ClientAdvice {

    private Apache4ClientAdvice() {
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
            HttpRequest request = (HttpRequest) argument;
            URI uri = null;
            if (request instanceof HttpUriRequest) {
                // The request's own URI: no request line built for every call.
                uri = ((HttpUriRequest) request).getURI();
                method = ((HttpUriRequest) request).getMethod();
                path = uri.getRawPath();
            } else {
                RequestLine line = request.getRequestLine();
                method = line.getMethod();
                path = line.getUri();
            }
            if (target != null) {
                HttpHost server = (HttpHost) target;
                scheme = server.getSchemeName();
                host = server.getHostName();
                port = server.getPort();
            } else if (uri != null) {
                scheme = uri.getScheme();
                host = uri.getHost();
                port = uri.getPort();
            }
            status = returned instanceof HttpResponse ? ((HttpResponse) returned).getStatusLine().getStatusCode() : 0;
        } catch (Throwable unreadable) {
            // Named with what was read; the call still counts.
        }
        Recorder.exitClient(token, method, scheme, host, port, path, status, nanos, thrown != null);
    }
}
