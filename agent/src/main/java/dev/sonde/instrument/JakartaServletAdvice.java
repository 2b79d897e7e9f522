package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

import jakarta.servlet.DispatcherType;
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
 * <p>The outermost call is the one that claims the thread ({@code Recorder#claimRequest}): the
 * filters and servlet it calls, and any forward or include, run on that thread inside it. Only a
 * request's own dispatch is timed, and an asynchronous dispatch of a request that went
 * asynchronous: error-page dispatches after the request ended never count again. The start of a
 * request that went asynchronous is kept in a request attribute, {@code asyncStart}, as the request
 * may cross threads; the async dispatch (or {@code AsyncContext#complete}, see
 * {@link JakartaAsyncCompleteAdvice}) ends it. A synchronous request sets no attribute and asks the
 * server only for what names its route (the framework's template if there is one), so a request of
 * a known route allocates nothing in sonde. This is {@link JavaxServletAdvice} for
 * {@code jakarta.servlet}; the two cannot share code because inlined advice names its types.
 */
final class JakartaServletAdvice {

    private JakartaServletAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long startRequest(@Advice.Argument(0) Object argument) {
        ServletRequest request = (ServletRequest) argument;
        // Everything that may throw (a recycled request does) comes before the claim: a claim left
        // taken would leave every later request of this thread untimed.
        if (!(request instanceof HttpServletRequest)
                || request.getDispatcherType() != DispatcherType.REQUEST
                        && request.getAttribute("dev.sonde.request.asyncStart") == null
                || !Recorder.claimRequest()) {
            return 0L;
        }
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void endRequest(@Advice.Argument(0) Object request, @Advice.Argument(1) Object response,
                           @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        if (start == 0L) {
            return;
        }
        Recorder.releaseRequest();
        HttpServletRequest http = (HttpServletRequest) request;
        Object asyncStart = http.getDispatcherType() == DispatcherType.ASYNC
                ? http.getAttribute("dev.sonde.request.asyncStart") : null;
        if (thrown == null && http.isAsyncStarted()) {
            if (asyncStart == null) {
                http.setAttribute("dev.sonde.request.asyncStart", start);
            }
            return;
        }
        long begin = start;
        if (asyncStart instanceof Long) {
            begin = (Long) asyncStart;
            http.removeAttribute("dev.sonde.request.asyncStart");
        }
        Object template = http.getAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
        String mapping = null;
        String path = null;
        if (template == null || template.toString().isEmpty()) {
            try {
                mapping = http.getHttpServletMapping().getPattern();
            } catch (Throwable beforeServlet4) {
                // Servlet 3.x: no mapping API; the path is normalized instead.
            }
            String pathInfo = http.getPathInfo();
            path = pathInfo == null ? http.getServletPath() : http.getServletPath() + pathInfo;
        }
        int status = response instanceof HttpServletResponse ? ((HttpServletResponse) response).getStatus() : 0;
        if (asyncStart instanceof Long) {
            // Begun before an asynchronous dispatch: this thread did not run all of it.
            Recorder.asyncRequest(http.getMethod(), template, mapping, path, status, System.nanoTime() - begin, thrown != null);
        } else {
            Recorder.request(http.getMethod(), template, mapping, path, status, System.nanoTime() - begin, thrown != null);
        }
    }
}
