package com.acme.reactive;

import org.reactivestreams.Subscription;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Annotated routes. */
@RestController
public class QuoteController {

    /** {@link #stepwise} requests this many numbers at a time, {@link #STEP_PAUSE} apart. */
    static final int STEP = 2;
    static final Duration STEP_PAUSE = Duration.ofMillis(10);

    private final QuoteService quotes;

    public QuoteController(QuoteService quotes) {
        this.quotes = quotes;
    }

    /** For tests to poll until the service is up, apart from the routes they count. */
    @GetMapping("/ready")
    public Mono<String> ready() {
        return Mono.just("ready");
    }

    @GetMapping("/quotes/{id}")
    public Mono<String> quote(@PathVariable String id) {
        return quotes.quote(id);
    }

    @GetMapping("/futures/{id}")
    public Mono<String> future(@PathVariable String id) {
        return Mono.fromFuture(quotes.future(id));
    }

    @GetMapping("/fail")
    public Mono<String> fail() {
        throw new IllegalStateException("the fail route always fails");
    }

    /** The first tick of an endless stream: the stream's subscription is cancelled after it. */
    @GetMapping("/first-tick")
    public Mono<String> firstTick() {
        return quotes.ticks().next().map(tick -> "tick " + tick);
    }

    /** Asks for a publisher and never subscribes to it. */
    @GetMapping("/unsubscribed")
    public Mono<String> unsubscribed() {
        quotes.unused();
        return Mono.just("not subscribed");
    }

    /**
     * Consumes {@code count} numbers {@link #STEP} at a time with a pause before each further
     * request, as a slow consumer does: the stream ends only after all the steps.
     */
    @GetMapping("/stepwise/{count}")
    public Mono<String> stepwise(@PathVariable int count) {
        Sinks.One<String> done = Sinks.one();
        quotes.numbers(count).subscribe(new BaseSubscriber<Integer>() {
            private final List<Integer> received = new ArrayList<>();

            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(STEP);
            }

            @Override
            protected void hookOnNext(Integer number) {
                received.add(number);
                if (received.size() % STEP == 0) {
                    Schedulers.parallel().schedule(() -> request(STEP), STEP_PAUSE.toMillis(),
                            java.util.concurrent.TimeUnit.MILLISECONDS);
                }
            }

            @Override
            protected void hookOnComplete() {
                done.tryEmitValue(received.toString());
            }

            @Override
            protected void hookOnError(Throwable failure) {
                done.tryEmitError(failure);
            }
        });
        return done.asMono();
    }
}
