package dev.sonde.record;

import java.util.function.Consumer;

/**
 * The end of one Spring WebFlux request: run by {@code doFinally} on the {@code Mono} its handlers
 * returned, when that completes, fails or is cancelled (the client went away), which is when the
 * response is complete. Named by the route Spring matched (annotated or functional), read then,
 * with the status then set; an error that reached the end is a server error, as for servlets, and a
 * cancelled request is counted apart.
 */
final class ReactiveRequest implements Consumer<Object> {

    private final ThreadLocalRecorder recorder;
    private final Object exchange;
    private final long startNanos;

    private ReactiveRequest(ThreadLocalRecorder recorder, Object exchange, long startNanos) {
        this.recorder = recorder;
        this.exchange = exchange;
        this.startNanos = startNanos;
    }

    /** {@code handling} with this request's end attached, or {@code handling} itself when it cannot be followed. */
    static Object follow(ThreadLocalRecorder recorder, Object exchange, long startNanos, Object handling) {
        ReactorPublishers reactor = ReactorPublishers.of(handling);
        if (reactor == null || exchange == null) {
            return handling;
        }
        try {
            return reactor.doFinally(handling, new ReactiveRequest(recorder, exchange, startNanos));
        } catch (Throwable refused) {
            recorder.adviceFailed(refused, "WebFlux request");
            return handling;
        }
    }

    @Override
    public void accept(Object signal) {
        long nanos = System.nanoTime() - startNanos;
        try {
            WebExchangeView view = WebExchangeView.of(exchange);
            String method = view.method(exchange);
            Object route = view.route(exchange);
            String path = view.path(exchange);
            if (ReactorPublishers.cancelled(signal)) {
                recorder.requestCancelled(method, route, path);
            } else {
                boolean failed = ReactorPublishers.failed(signal);
                int status = view.status(exchange);
                recorder.request(method, route, null, path, status == 0 && !failed ? 200 : status, nanos, failed);
            }
        } catch (Throwable unrecorded) {
            recorder.adviceFailed(unrecorded, "WebFlux request");
        }
    }
}
