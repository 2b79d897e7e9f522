package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Inlined into {@code jakarta.servlet} {@code Servlet#service} and {@code Filter#doFilter}
 * implementations: times each request once, from the outermost filter to the end of the response.
 *
 * <p>Parameters are typed {@code Object} and cast inside: sonde's class loader cannot see the
 * servlet API, so the advice's signature must not name it (the inlined body resolves in the
 * application's class loader).
 *
 * <p>Request attributes carry the state, because a request may cross threads and dispatches:
 * {@code active} marks the outermost call in progress; {@code done} stops the container's later
 * error-page or forward dispatches from counting again; {@code asyncStart} keeps the start of a
 * request that went asynchronous, so the async dispatch (or {@code AsyncContext#complete}, see
 * {@link JakartaAsyncCompleteAdvice}) ends it. This is {@link JavaxServletAdvice} for
 * {@code jakarta.servlet}; the two cannot share code because inlined advice names its types.
 */
final class JakartaServletAdvice {

    private JakartaServletAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long startRequest(@Advice.Argument(0) Object argument) {
        ServletRequest request = (ServletRequest) argument;
        if (!(request instanceof HttpServletRequest) || request.getAttribute("dev.sonde.request.active") != null
                || (request.getAttribute("dev.sonde.request.done") != null
                    && request.getAttribute("dev.sonde.request.asyncStart") == null)) {
            return 0L;
        }
        request.setAttribute("dev.sonde.request.active", Boolean.TRUE);
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void endRequest(@Advice.Argument(0) Object request, @Advice.Argument(1) Object response,
                           @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        if (start == 0L) {
            return;
        }
        HttpServletRequest http = (HttpServletRequest) request;
        http.removeAttribute("dev.sonde.request.active");
        Object asyncStart = http.getAttribute("dev.sonde.request.asyncStart");
        if (thrown == null && http.isAsyncStarted()) {
            if (asyncStart == null) {
                http.setAttribute("dev.sonde.request.asyncStart", start);
            }
            return;
        }
        long begin = asyncStart instanceof Long ? (Long) asyncStart : start;
        http.removeAttribute("dev.sonde.request.asyncStart");
        http.setAttribute("dev.sonde.request.done", Boolean.TRUE);
        String mapping = null;
        try {
            mapping = http.getHttpServletMapping().getPattern();
        } catch (Throwable beforeServlet4) {
            // Servlet 3.x: no mapping API; the path is normalized instead.
        }
        String pathInfo = http.getPathInfo();
        int status = response instanceof HttpServletResponse ? ((HttpServletResponse) response).getStatus() : 0;
        Object handlerRoute = http.getAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
        String path = pathInfo == null ? http.getServletPath() : http.getServletPath() + pathInfo;
        if (asyncStart instanceof Long) {
            // Begun before an asynchronous dispatch: this thread did not run all of it.
            Recorder.asyncRequest(http.getMethod(), handlerRoute, mapping, path, status, System.nanoTime() - begin,
                    thrown != null);
        } else {
            Recorder.request(http.getMethod(), handlerRoute, mapping, path, status, System.nanoTime() - begin,
                    thrown != null);
        }
    }
}
