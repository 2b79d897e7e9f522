package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

import javax.servlet.AsyncContext;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Inlined into {@code javax.servlet.AsyncContext#complete} implementations: an asynchronous request
 * completed without a further dispatch ends here, timed from its original start (see
 * {@link JavaxServletAdvice}).
 */
final class JavaxAsyncCompleteAdvice {

    private JavaxAsyncCompleteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void completeRequest(@Advice.This Object self) {
        AsyncContext context = (AsyncContext) self;
        if (!(context.getRequest() instanceof HttpServletRequest)) {
            return;
        }
        HttpServletRequest http = (HttpServletRequest) context.getRequest();
        Object asyncStart = http.getAttribute("dev.sonde.request.asyncStart");
        if (!(asyncStart instanceof Long)) {
            return;
        }
        http.removeAttribute("dev.sonde.request.asyncStart");
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
        ServletResponse response = context.getResponse();
        int status = response instanceof HttpServletResponse ? ((HttpServletResponse) response).getStatus() : 0;
        Recorder.asyncRequest(http.getMethod(), template, mapping, path, status, System.nanoTime() - (Long) asyncStart, false);
    }
}
