package dev.sonde.record;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A call that returned a Reactor {@code Mono} or {@code Flux}, through the call the inlined async
 * advice makes at its exit: what it hands back in place of the publisher, and what it records.
 */
class PublisherCompletionTest {

    private static final long MILLIS = 1_000_000L;

    private final OperationRegistry registry = new OperationRegistry(100);
    private final ThreadLocalRecorder recorder = new ThreadLocalRecorder(registry, new RecordingOptions(true, true));
    private final int async = registry.register("a#async", OperationKind.METHOD);

    @SuppressWarnings("unchecked")
    private <T> T returned(T publisher, long start) {
        Object replacement = recorder.completesLater(async, start, publisher, "java.lang.Object");
        assertThat(replacement).as("a publisher is followed").isNotNull();
        return (T) replacement;
    }

    private OperationSnapshot recorded() {
        return recorder.snapshotOf("a#async").orElseThrow();
    }

    /**
     * The figures once {@code calls} subscriptions have ended. Reactor runs the end hook right after
     * the subscriber has seen the end, on the thread that signalled it: a subscriber woken by the end
     * may look before the hook has run.
     */
    private OperationSnapshot recordedOnce(long calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (recorded().count() + recorded().cancelled() < calls && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return recorded();
    }

    @Test
    void aMonoStaysAMonoWithTheSameValueAndIsRecordedWhenItCompletes() throws Exception {
        Mono<String> mono = returned(Mono.delay(Duration.ofMillis(20)).map(tick -> "value"), System.nanoTime());

        assertThat(recorded().count()).as("nothing before a subscription").isZero();
        assertThat(mono.block(Duration.ofSeconds(10))).isEqualTo("value");

        OperationSnapshot snapshot = recordedOnce(1);
        assertThat(snapshot.count()).isEqualTo(1);
        assertThat(snapshot.errors()).isZero();
        assertThat(snapshot.minNanos()).as("timed to completion").isGreaterThanOrEqualTo(18 * MILLIS);
        assertThat(snapshot.allocationUnavailable()).isEqualTo(1);
    }

    @Test
    void aPublisherNeverSubscribedIsNoCall() {
        returned(Mono.just("never asked for"), System.nanoTime());
        returned(Flux.range(0, 3), System.nanoTime());

        assertThat(recorded().wasCalled()).isFalse();
        assertThat(recorder.snapshot()).isEmpty();
    }

    @Test
    void aFluxConsumedInSeveralRequestsIsTimedToItsEnd() throws Exception {
        Flux<Integer> flux = returned(Flux.range(0, 6), System.nanoTime());
        List<Integer> received = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();

        flux.subscribe(new BaseSubscriber<Integer>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(2);
            }

            @Override
            protected void hookOnNext(Integer value) {
                received.add(value);
                if (received.size() % 2 == 0) {
                    CompletableFuture.runAsync(() -> request(2),
                            CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS));
                }
            }

            @Override
            protected void hookOnComplete() {
                done.complete(null);
            }
        });
        done.get(10, TimeUnit.SECONDS);

        assertThat(received).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(recordedOnce(1).count()).isEqualTo(1);
        assertThat(recorded().minNanos()).as("two pauses of 10 ms before the second and third requests")
                .isGreaterThanOrEqualTo(19 * MILLIS);
    }

    @Test
    void aCancelledSubscriptionIsCountedAsCancelledNotAsAnError() throws Exception {
        Flux<Long> endless = returned(Flux.interval(Duration.ofMillis(1)), System.nanoTime());

        assertThat(endless.take(3).collectList().block(Duration.ofSeconds(10))).containsExactly(0L, 1L, 2L);

        OperationSnapshot snapshot = recordedOnce(1);
        assertThat(snapshot.cancelled()).isEqualTo(1);
        assertThat(snapshot.count()).isZero();
        assertThat(snapshot.errors()).isZero();
    }

    @Test
    void anErrorIsAnErrorAndReachesTheSubscriberUnchanged() {
        IllegalStateException failure = new IllegalStateException("failed");
        Mono<String> mono = returned(Mono.error(failure), System.nanoTime());

        assertThatThrownBy(() -> mono.block(Duration.ofSeconds(10))).isSameAs(failure);
        assertThat(recorded().count()).isEqualTo(1);
        assertThat(recorded().errors()).isEqualTo(1);
    }

    @Test
    void eachSubscriptionIsACallAndOnlyTheFirstIsTimedFromTheMethodsEntry() {
        Mono<String> mono = returned(Mono.just("value"), System.nanoTime() - 500 * MILLIS);

        mono.block();
        mono.block();

        OperationSnapshot snapshot = recorded();
        assertThat(snapshot.count()).isEqualTo(2);
        assertThat(snapshot.maxNanos()).as("the first, from the method's entry").isGreaterThanOrEqualTo(500 * MILLIS);
        assertThat(snapshot.minNanos()).as("the second, from its own subscription").isLessThan(100 * MILLIS);
    }

    @Test
    void aSinkDrivenMonoCompletesOnTheEmittingThread() {
        Sinks.One<String> sink = Sinks.one();
        Mono<String> mono = returned(sink.asMono(), System.nanoTime());
        List<String> values = new ArrayList<>();
        mono.subscribe(values::add);

        sink.tryEmitValue("emitted");

        assertThat(values).containsExactly("emitted");
        assertThat(recorded().count()).isEqualTo(1);
    }

    @Test
    void aSubscriptionEndingAfterSondeLetGoRecordsNothingAndThrowsNothing() {
        Mono<String> mono = returned(Mono.just("value"), System.nanoTime());
        recorder.release();

        assertThat(mono.block()).isEqualTo("value");
        assertThat(recorded().count()).isZero();
    }

    @Test
    void aPublisherOfAnotherLibraryDeclaredAsPublisherIsFollowedThroughAProxyOfThatInterface() throws Exception {
        Publisher<Integer> library = new RangePublisher(5);
        Object replacement = recorder.completesLater(async, System.nanoTime(), library, "org.reactivestreams.Publisher");
        assertThat(replacement).isInstanceOf(Publisher.class).isNotSameAs(library);
        @SuppressWarnings("unchecked")
        Publisher<Integer> returned = (Publisher<Integer>) replacement;

        assertThat(Flux.from(returned).collectList().block(Duration.ofSeconds(10))).containsExactly(0, 1, 2, 3, 4);
        assertThat(Flux.from(returned).take(2).collectList().block(Duration.ofSeconds(10))).containsExactly(0, 1);

        OperationSnapshot snapshot = recordedOnce(2);
        assertThat(snapshot.count()).isEqualTo(1);
        assertThat(snapshot.cancelled()).isEqualTo(1);
        assertThat(snapshot.errors()).isZero();
    }

    @Test
    void aPublisherOfAnotherLibraryDeclaredAsObjectIsReturnedAsItIsAndTimedAsItReturns() {
        assertThat(recorder.completesLater(async, System.nanoTime(), new RangePublisher(1), "java.lang.Object"))
                .isNull();
    }

    /** A publisher that is not Reactor's: 0 to count - 1, as requested. */
    private static final class RangePublisher implements Publisher<Integer> {
        private final int count;

        RangePublisher(int count) {
            this.count = count;
        }

        @Override
        public void subscribe(Subscriber<? super Integer> subscriber) {
            subscriber.onSubscribe(new Subscription() {
                private int next;
                private boolean cancelled;

                @Override
                public void request(long n) {
                    for (long i = 0; i < n && next < count && !cancelled; i++) {
                        subscriber.onNext(next++);
                    }
                    if (next == count && !cancelled) {
                        cancelled = true;
                        subscriber.onComplete();
                    }
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }
    }

    @Test
    void publishersWithMoreThanAMonoOrFluxAreReturnedAsTheyAreAndTimedAsTheyReturn() {
        Flux<Integer> connectable = Flux.range(0, 3).publish();
        Flux<Integer> grouped = Flux.range(0, 3).groupBy(n -> n % 2).blockFirst(Duration.ofSeconds(10));
        Mono<String> libraryMono = new LibraryMono();

        for (Object result : new Object[] {connectable, grouped, libraryMono}) {
            assertThat(recorder.completesLater(async, System.nanoTime(), result, "reactor.core.publisher.Flux"))
                    .as(result.getClass().getName()).isNull();
        }
    }

    /** A library's own Mono, with methods of its own that its callers may cast to. */
    private static final class LibraryMono extends Mono<String> {
        @Override
        public void subscribe(reactor.core.CoreSubscriber<? super String> actual) {
            Mono.just("library").subscribe(actual);
        }
    }
}
