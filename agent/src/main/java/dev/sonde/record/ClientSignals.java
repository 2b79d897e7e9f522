package dev.sonde.record;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The end of one reactive outbound call (Spring's {@code WebClient} on Reactor Netty): the advice
 * hands this to the call's {@code Mono} as its success, error and cancel callback, and the call is
 * recorded at the first of them, timed from the call's start: a response with its status, an error
 * as an error, a cancel counted apart. A {@code Consumer} and a {@code Runnable}, the JDK types
 * Reactor takes, so the advice needs no type of sonde's.
 *
 * <p>The response's status is read by reflection through its public interfaces: sonde's class
 * loader cannot see Spring's types, and the response's own class need not be public. Nothing thrown
 * here reaches the application: Reactor would hand it to the subscriber as the call's error.
 */
final class ClientSignals implements Consumer<Object>, Runnable {

    private final ThreadLocalRecorder recorder;
    private final int operation;
    private final long startNanos;
    private final AtomicBoolean ended = new AtomicBoolean();

    ClientSignals(ThreadLocalRecorder recorder, int operation, long startNanos) {
        this.recorder = recorder;
        this.operation = operation;
        this.startNanos = startNanos;
    }

    /** A response (status read from it), an empty completion (no status) or a {@link Throwable}. */
    @Override
    public void accept(Object signal) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        long nanos = System.nanoTime() - startNanos;
        try {
            boolean failed = signal instanceof Throwable;
            recorder.clientCompleted(operation, nanos, failed ? 0 : status(signal), failed);
        } catch (Throwable unrecorded) {
            recorder.adviceFailed(unrecorded, "completion hook of outbound call " + operation);
        }
    }

    /** The subscriber cancelled before the response came. */
    @Override
    public void run() {
        if (ended.compareAndSet(false, true)) {
            try {
                recorder.asyncCancelled(operation);
            } catch (Throwable unrecorded) {
                recorder.adviceFailed(unrecorded, "cancel hook of outbound call " + operation);
            }
        }
    }

    /** {@code response.getStatusCode().value()} (Spring 5's {@code HttpStatus}, 6's {@code HttpStatusCode}); 0 if unreadable. */
    static int status(Object response) {
        try {
            Object code = invokePublic(response, "getStatusCode");
            Object value = code == null ? null : invokePublic(code, "value");
            return value instanceof Integer ? (Integer) value : 0;
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return 0;
        }
    }

    private static Object invokePublic(Object target, String name) throws ReflectiveOperationException {
        Method method = publicMethod(target.getClass(), name);
        return method == null ? null : method.invoke(target);
    }

    /** The no-argument method {@code name} as declared by a public class or interface {@code type} is or extends. */
    private static Method publicMethod(Class<?> type, String name) {
        if (type == null) {
            return null;
        }
        if (Modifier.isPublic(type.getModifiers())) {
            try {
                return type.getMethod(name);
            } catch (NoSuchMethodException absent) {
                return null;
            }
        }
        for (Class<?> implemented : type.getInterfaces()) {
            Method method = publicMethod(implemented, name);
            if (method != null) {
                return method;
            }
        }
        return publicMethod(type.getSuperclass(), name);
    }
}
