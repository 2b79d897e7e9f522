package dev.sonde.record;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The calls of one timed method call declared to return {@code org.reactivestreams.Publisher} that
 * returned a publisher other than Reactor's (RxJava, Mutiny, a library's own): the same rule as
 * {@link PublisherCompletion}, each subscription a call, the first timed from the method's entry.
 *
 * <p>Reactor's operators are not there to keep the type, so the method returns a
 * {@link Proxy} implementing {@code Publisher} (the declared type, and nothing more: that is why
 * only methods declared to return exactly {@code Publisher} get one). Its {@code subscribe} hands
 * the original publisher a subscriber proxy that passes every signal on unchanged and records the
 * call after the subscriber has seen {@code onComplete} or {@code onError}, or when it cancels its
 * subscription (counted apart). Every signal goes through reflection: slower than Reactor's
 * operators, which Reactor publishers get.
 */
final class ReactiveStreamsPublisher implements InvocationHandler {

    static final String PUBLISHER = "org.reactivestreams.Publisher";

    private static final AtomicIntegerFieldUpdater<ReactiveStreamsPublisher> SUBSCRIBED =
            AtomicIntegerFieldUpdater.newUpdater(ReactiveStreamsPublisher.class, "subscribed");

    private final ThreadLocalRecorder recorder;
    private final int operation;
    private final long startNanos;
    private final Object publisher;
    private final Class<?> subscriberType;
    private final Class<?> subscriptionType;
    private volatile int subscribed;

    private ReactiveStreamsPublisher(ThreadLocalRecorder recorder, int operation, long startNanos, Object publisher,
                                     Class<?> subscriberType, Class<?> subscriptionType) {
        this.recorder = recorder;
        this.operation = operation;
        this.startNanos = startNanos;
        this.publisher = publisher;
        this.subscriberType = subscriberType;
        this.subscriptionType = subscriptionType;
    }

    /** What the method returns in place of {@code result}, or null when it is no publisher or cannot be followed. */
    static Object follow(ThreadLocalRecorder recorder, int operation, long startNanos, Object result) {
        Class<?> publisherType = result == null ? null : interfaceNamed(result.getClass(), PUBLISHER);
        if (publisherType == null) {
            return null;
        }
        try {
            ClassLoader loader = publisherType.getClassLoader();
            Class<?> subscriberType = Class.forName("org.reactivestreams.Subscriber", false, loader);
            Class<?> subscriptionType = Class.forName("org.reactivestreams.Subscription", false, loader);
            return Proxy.newProxyInstance(loader, new Class<?>[] {publisherType}, new ReactiveStreamsPublisher(
                    recorder, operation, startNanos, result, subscriberType, subscriptionType));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError refused) {
            return null;
        }
    }

    private static Class<?> interfaceNamed(Class<?> type, String name) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> implemented : current.getInterfaces()) {
                if (implemented.getName().equals(name)) {
                    return implemented;
                }
                Class<?> inherited = interfaceNamed(implemented, name);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return null;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getName().equals("subscribe") && arguments != null && arguments.length == 1) {
            return forward(method, publisher, subscriber(arguments[0]));
        }
        if (method.getName().equals("equals") && arguments != null && arguments.length == 1) {
            return proxy == arguments[0];
        }
        return forward(method, publisher, arguments);
    }

    /** The subscriber the original publisher gets: {@code subscriber} itself if it cannot be followed. */
    private Object subscriber(Object subscriber) {
        if (subscriber == null) {
            return null;
        }
        try {
            long start = SUBSCRIBED.compareAndSet(this, 0, 1) ? startNanos : System.nanoTime();
            return Proxy.newProxyInstance(subscriberType.getClassLoader(), new Class<?>[] {subscriberType},
                    new WatchedSubscriber(subscriber, start));
        } catch (RuntimeException | LinkageError unfollowed) {
            recorder.adviceFailed(unfollowed, "subscription of operation " + operation);
            return subscriber;
        }
    }

    private static Object forward(Method method, Object target, Object... arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }

    /** One subscription, as its subscriber: every signal passed on, the end recorded after it. */
    private final class WatchedSubscriber implements InvocationHandler {
        private final Object subscriber;
        private final long start;
        private final AtomicBoolean ended = new AtomicBoolean();

        WatchedSubscriber(Object subscriber, long start) {
            this.subscriber = subscriber;
            this.start = start;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            String name = method.getName();
            if (name.equals("equals") && arguments != null && arguments.length == 1) {
                return proxy == arguments[0];
            }
            if (name.equals("onSubscribe") && arguments.length == 1 && arguments[0] != null) {
                Object upstream = arguments[0];
                Object watched = Proxy.newProxyInstance(subscriptionType.getClassLoader(),
                        new Class<?>[] {subscriptionType}, new WatchedSubscription(upstream));
                return forward(method, subscriber, watched);
            }
            try {
                return forward(method, subscriber, arguments);
            } finally {
                if (name.equals("onComplete") || name.equals("onError")) {
                    end(false, name.equals("onError"));
                }
            }
        }

        void end(boolean cancelled, boolean failed) {
            if (ended.compareAndSet(false, true)) {
                recorder.asyncEnded(operation, System.nanoTime() - start, cancelled, failed);
            }
        }

        /** The upstream subscription as the subscriber sees it: {@code cancel} ends the call. */
        private final class WatchedSubscription implements InvocationHandler {
            private final Object upstream;

            WatchedSubscription(Object upstream) {
                this.upstream = upstream;
            }

            @Override
            public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
                if (method.getName().equals("cancel") && method.getParameterCount() == 0) {
                    end(true, false);
                } else if (method.getName().equals("equals") && arguments != null && arguments.length == 1) {
                    return proxy == arguments[0];
                }
                return forward(method, upstream, arguments);
            }
        }
    }
}
