package dev.sonde.instrument;

import dev.sonde.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.function.Consumer;

/**
 * Inlined into Spring's {@code ReactorClientHttpConnector#connect(HttpMethod, URI, Function)}, where
 * every {@code WebClient} exchange on Reactor Netty begins: the call ends when the {@code Mono} of
 * the response signals (the response's head arrived, the call failed or was cancelled), not when
 * {@code connect} returns. The {@code Mono} returned is the connector's with sonde's callbacks
 * added ({@code doOnSuccess}, {@code doOnError}, {@code doOnCancel}), which change no signal.
 * {@code WebClient} on the JDK's client is recorded by that client's advice instead.
 *
 * <p>Typed {@code Object} where Spring's types would be: the method is read with
 * {@code toString()}, which both Spring 5's enum and Spring 6's class answer with its name.
 *
 * <p>The exit of a client call: its entry is {@link ClientCallEnterAdvice}.
 */
final class ReactorNettyClientAdvice {

    private ReactorNettyClientAdvice() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exitCall(@Advice.Argument(0) Object method, @Advice.Argument(1) Object target,
                         @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
                         @Advice.Enter Object token, @Advice.Local("start") long start,
                         @Advice.Thrown Throwable thrown) {
        if (token == null) {
            return;
        }
        long nanos = System.nanoTime() - start;
        String verb = String.valueOf(method);
        URI uri = target instanceof URI ? (URI) target : null;
        String scheme = uri == null ? null : uri.getScheme();
        String host = uri == null ? null : uri.getHost();
        int port = uri == null ? -1 : uri.getPort();
        String path = uri == null ? null : uri.getRawPath();
        if (thrown != null || !(returned instanceof Mono)) {
            Recorder.exitClient(token, verb, scheme, host, port, path, 0, nanos, true);
            return;
        }
        Object hook = Recorder.exitClientHook(token, verb, scheme, host, port, path, start, nanos);
        if (hook != null) {
            returned = ((Mono) returned).doOnSuccess((Consumer) hook).doOnError((Consumer) hook)
                    .doOnCancel((Runnable) hook);
        }
    }
}
