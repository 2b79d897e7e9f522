package dev.sonde.record;

import dev.sonde.bootstrap.ServletApi;
import dev.sonde.bootstrap.Sink;

import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.ServletRequest;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@link ServletApi} for {@code javax.servlet}. Never loaded by sonde's own class loader, which
 * cannot see the servlet API: {@link ServletApis} defines it beside each copy of the API, so it may
 * use nothing of sonde's but {@code dev.sonde.bootstrap}. A request that went asynchronous keeps its
 * start in a request attribute, as it may cross threads. A synchronous request sets no attribute and
 * asks the server only for what names its route (the framework's template if there is one), so a
 * request of a known route allocates nothing in sonde. {@link JakartaServletApi} is the same for
 * {@code jakarta.servlet}; the two cannot share code because each names its API's types.
 */
public final class JavaxServletApi implements ServletApi {

    private static final String ASYNC_START = "dev.sonde.request.asyncStart";
    private static final String SPRING_TEMPLATE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    @Override
    public boolean owns(Object object) {
        return object instanceof ServletRequest || object instanceof AsyncContext;
    }

    @Override
    public boolean isTimedDispatch(Object request) {
        if (!(request instanceof HttpServletRequest)) {
            return false;
        }
        HttpServletRequest http = (HttpServletRequest) request;
        return http.getDispatcherType() == DispatcherType.REQUEST || http.getAttribute(ASYNC_START) != null;
    }

    @Override
    public void endDispatch(Sink sink, Object request, Object response, long startNanos, boolean failed) {
        HttpServletRequest http = (HttpServletRequest) request;
        Object asyncStart = http.getDispatcherType() == DispatcherType.ASYNC ? http.getAttribute(ASYNC_START) : null;
        if (!failed && http.isAsyncStarted()) {
            if (asyncStart == null) {
                http.setAttribute(ASYNC_START, startNanos);
            }
            return;
        }
        long end = System.nanoTime();
        if (asyncStart instanceof Long) {
            http.removeAttribute(ASYNC_START);
            record(sink, http, response, end - (Long) asyncStart, failed, true);
        } else {
            record(sink, http, response, end - startNanos, failed, false);
        }
    }

    @Override
    public void complete(Sink sink, Object asyncContext) {
        AsyncContext context = (AsyncContext) asyncContext;
        ServletRequest request = context.getRequest();
        Object asyncStart = request instanceof HttpServletRequest ? request.getAttribute(ASYNC_START) : null;
        if (asyncStart instanceof Long) {
            long end = System.nanoTime();
            request.removeAttribute(ASYNC_START);
            record(sink, (HttpServletRequest) request, context.getResponse(), end - (Long) asyncStart, false, true);
        }
    }

    /** @param async whether the request went asynchronous: this thread did not run all of it */
    private static void record(Sink sink, HttpServletRequest http, Object response, long nanos, boolean failed,
                               boolean async) {
        Object template = http.getAttribute(SPRING_TEMPLATE);
        String mapping = null;
        String path = null;
        if (template == null || template.toString().isEmpty()) {
            mapping = mappingOf(http);
            String pathInfo = http.getPathInfo();
            path = pathInfo == null ? http.getServletPath() : http.getServletPath() + pathInfo;
        }
        int status = response instanceof HttpServletResponse ? ((HttpServletResponse) response).getStatus() : 0;
        if (async) {
            sink.asyncRequest(http.getMethod(), template, mapping, path, status, nanos, failed);
        } else {
            sink.request(http.getMethod(), template, mapping, path, status, nanos, failed);
        }
    }

    private static String mappingOf(HttpServletRequest http) {
        try {
            return http.getHttpServletMapping().getPattern();
        } catch (Throwable beforeServlet4) {
            // Servlet 3.x: no mapping API; the path is normalized instead.
            return null;
        }
    }
}
