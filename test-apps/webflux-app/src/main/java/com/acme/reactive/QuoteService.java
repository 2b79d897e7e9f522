package com.acme.reactive;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Work that completes later: the methods return at once, their results complete {@link #DELAY} after. */
@Service
public class QuoteService {

    static final Duration DELAY = Duration.ofMillis(20);

    /** A quote, 20 ms later. */
    public Mono<String> quote(String id) {
        return Mono.delay(DELAY).map(tick -> "quote " + id);
    }

    /** The same as a future, 20 ms later. */
    public CompletableFuture<String> future(String id) {
        return CompletableFuture.supplyAsync(() -> "future " + id,
                CompletableFuture.delayedExecutor(DELAY.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** {@code count} numbers, as fast as they are requested. */
    public Flux<Integer> numbers(int count) {
        return Flux.range(0, count);
    }

    /** A number every 5 ms, without end: only a cancellation stops it. */
    public Flux<Long> ticks() {
        return Flux.interval(Duration.ofMillis(5));
    }

    /** A result nobody subscribes to. */
    public Mono<String> unused() {
        return Mono.fromSupplier(() -> "never asked for");
    }
}
