package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into Spring WebFlux's {@code ExceptionHandlingWebHandler#handle(ServerWebExchange)}, which
 * every request of a WebFlux application passes through once (whatever server runs it), after
 * routing and with the exception handlers that set an error's status. The request is timed from
 * here until the {@code Mono} it returns terminates: the handler returns that {@code Mono} with the
 * request's end attached ({@code Recorder#reactiveRequest}), which reads the route and status then.
 * Names no Spring type: the exchange and the {@code Mono} are passed on as they are.
 */
final class WebFluxRequestAdvice {

    private WebFluxRequestAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long startRequest() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void followRequest(@Advice.Argument(0) Object exchange, @Advice.Enter long start,
                              @Advice.Thrown Throwable thrown,
                              @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object handling) {
        if (thrown == null) {
            handling = Recorder.reactiveRequest(exchange, start, handling);
        }
    }
}
