package dev.sonde.record;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The calls of one timed method call that returned a Reactor {@code Mono} or {@code Flux}: each
 * subscription to the publisher the method returned is one call, recorded when that subscription
 * ends. The first subscription is timed from the method's entry (what the method did to build the
 * publisher belongs to the work); every later one (a retry, a repeat, a second subscriber) from its
 * own subscription, because the time between two subscriptions is no one's work. A publisher never
 * subscribed is no call. Completion and error end a call as for any method (an error counts as an
 * error); a cancelled subscription is counted apart, like a cancelled future.
 *
 * <p>The method returns {@code defer(this)} in place of its publisher: a publisher of the same type
 * (a {@code Mono} stays a {@code Mono}) that, on each subscription, subscribes to the original with a
 * {@code doFinally} hook. Values, errors, requests and cancellations pass through unchanged. Nothing
 * sonde does reaches the subscriber: a failure here hands over the original publisher, untimed.
 */
final class PublisherCompletion implements Supplier<Object> {

    private static final AtomicIntegerFieldUpdater<PublisherCompletion> SUBSCRIBED =
            AtomicIntegerFieldUpdater.newUpdater(PublisherCompletion.class, "subscribed");

    private final ThreadLocalRecorder recorder;
    private final int operation;
    private final long startNanos;
    private final ReactorPublishers reactor;
    private final Object publisher;
    private volatile int subscribed;

    private PublisherCompletion(ThreadLocalRecorder recorder, int operation, long startNanos,
                                ReactorPublishers reactor, Object publisher) {
        this.recorder = recorder;
        this.operation = operation;
        this.startNanos = startNanos;
        this.reactor = reactor;
        this.publisher = publisher;
    }

    /**
     * What the method returns in place of {@code publisher}, or null when it cannot be followed (the
     * call is then recorded as it returned).
     */
    static Object follow(ThreadLocalRecorder recorder, int operation, long startNanos, ReactorPublishers reactor,
                         Object publisher) {
        try {
            return reactor.defer(new PublisherCompletion(recorder, operation, startNanos, reactor, publisher));
        } catch (Throwable refused) {
            return null;
        }
    }

    /** A new subscription. */
    @Override
    public Object get() {
        try {
            long start = SUBSCRIBED.compareAndSet(this, 0, 1) ? startNanos : System.nanoTime();
            return reactor.doFinally(publisher, new SubscriptionEnd(start));
        } catch (Throwable unfollowed) {
            recorder.adviceFailed(unfollowed, "subscription of operation " + operation);
            return publisher;
        }
    }

    /** The end of one subscription, given Reactor's {@code SignalType}. */
    private final class SubscriptionEnd implements Consumer<Object> {
        private final long start;

        SubscriptionEnd(long start) {
            this.start = start;
        }

        @Override
        public void accept(Object signal) {
            recorder.asyncEnded(operation, System.nanoTime() - start, ReactorPublishers.cancelled(signal),
                    ReactorPublishers.failed(signal));
        }
    }
}
