package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the {@code Servlet#service} and {@code Filter#doFilter} implementations of
 * {@code jakarta.servlet} and {@code javax.servlet}: times each request once, from the outermost
 * filter to the end of the response.
 *
 * <p>The outermost call claims the thread ({@code Recorder#startServletRequest}): the filters and
 * servlet it calls, and any forward or include, run on that thread inside it. Everything else (which
 * dispatches count, asynchronous requests, naming the route) runs out of line in
 * {@link dev.sonde.bootstrap.ServletApi}: this advice is all that each filter and servlet grows by,
 * a few bytes, so that the JIT still inlines a small one such as {@code HttpServlet#service}, the
 * bridge from {@code service(ServletRequest, ServletResponse)} to the HTTP method (with the
 * advice inlined it had grown from 41 to 464 bytes, past the 325 the JIT inlines into a hot caller).
 */
final class ServletRequestAdvice {

    private ServletRequestAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long startRequest(@Advice.Argument(0) Object request) {
        return Recorder.startServletRequest(request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void endRequest(@Advice.Argument(0) Object request, @Advice.Argument(1) Object response,
                           @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        if (start != 0L) {
            Recorder.endServletRequest(request, response, start, thrown != null);
        }
    }
}
