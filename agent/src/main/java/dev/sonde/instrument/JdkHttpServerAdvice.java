package dev.sonde.instrument;

import com.sun.net.httpserver.HttpExchange;
import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the JDK's {@code com.sun.net.httpserver.Filter.Chain#doFilter}: times each exchange
 * once, in the outermost chain (each filter calls the chain again). The nesting guard is per
 * thread, not an exchange attribute: before JDK 18 exchange attributes are the context's, shared
 * by concurrent requests.
 */
final class JdkHttpServerAdvice {

    private JdkHttpServerAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long startExchange() {
        return Recorder.claimRequest() ? System.nanoTime() : 0L;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void endExchange(@Advice.Argument(0) Object argument, @Advice.Enter long start,
                            @Advice.Thrown Throwable thrown) {
        if (start == 0L) {
            return;
        }
        HttpExchange exchange = (HttpExchange) argument;
        Recorder.releaseRequest();
        Recorder.request(exchange.getRequestMethod(), null, exchange.getHttpContext().getPath(),
                exchange.getRequestURI().getPath(), exchange.getResponseCode(), System.nanoTime() - start,
                thrown != null);
    }
}
