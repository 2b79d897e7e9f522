package dev.sonde.record;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The two operators of Reactor's {@code Mono} or {@code Flux} that sonde uses to follow a publisher
 * without changing its type: {@code defer} (a publisher of the same type that runs a supplier on
 * each subscription) and {@code doFinally} (a hook after each subscription's completion, error or
 * cancellation, that sees which). Reached through method handles on the application's own Reactor:
 * sonde's class loader cannot see it, and an application without Reactor never gets here, so it
 * loads no Reactor type.
 *
 * <p>The operators of the last {@code Mono} and {@code Flux} type seen are kept (one Reactor per
 * application, as a rule); another class loader's Reactor replaces them.
 */
final class ReactorPublishers {

    static final String MONO = "reactor.core.publisher.Mono";
    static final String FLUX = "reactor.core.publisher.Flux";
    private static final String PACKAGE = "reactor.core.publisher.";
    /**
     * Reactor's publishers with more to them than a {@code Mono} or {@code Flux}: a caller may cast
     * to one ({@code connect()}, {@code key()}, a processor's {@code onNext}), which a deferred
     * publisher would fail. They are timed as they return.
     */
    private static final Set<String> RICHER = Set.of(PACKAGE + "ConnectableFlux", PACKAGE + "GroupedFlux",
            PACKAGE + "FluxProcessor", PACKAGE + "MonoProcessor");
    private static final MethodType DEFER = MethodType.methodType(Object.class, Supplier.class);
    private static final MethodType DO_FINALLY = MethodType.methodType(Object.class, Object.class, Consumer.class);

    private static volatile ReactorPublishers lastMono;
    private static volatile ReactorPublishers lastFlux;

    private final Class<?> type;
    private final MethodHandle defer;
    private final MethodHandle doFinally;

    private ReactorPublishers(Class<?> type) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        this.type = type;
        this.defer = lookup.findStatic(type, "defer", MethodType.methodType(type, Supplier.class)).asType(DEFER);
        this.doFinally = lookup.findVirtual(type, "doFinally", MethodType.methodType(type, Consumer.class))
                .asType(DO_FINALLY);
    }

    /**
     * The operators of {@code result}'s type when it is one of Reactor's own {@code Mono} or
     * {@code Flux} operators, else null: not a Reactor publisher, a Reactor without these operators,
     * one of the {@link #RICHER} types, or a subclass from outside Reactor (a library's own
     * {@code Mono}, whose methods its callers may use).
     */
    static ReactorPublishers of(Object result) {
        if (result == null) {
            return null;
        }
        for (Class<?> type = result.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            String name = type.getName();
            if (name.equals(MONO) || name.equals(FLUX)) {
                return forType(type, name.equals(MONO));
            }
            if (!name.startsWith(PACKAGE) || RICHER.contains(name)) {
                return null;
            }
        }
        return null;
    }

    private static ReactorPublishers forType(Class<?> type, boolean mono) {
        ReactorPublishers last = mono ? lastMono : lastFlux;
        if (last != null && last.type == type) {
            return last;
        }
        try {
            ReactorPublishers found = new ReactorPublishers(type);
            if (mono) {
                lastMono = found;
            } else {
                lastFlux = found;
            }
            return found;
        } catch (ReflectiveOperationException | RuntimeException unusable) {
            return null;
        }
    }

    /** A publisher of this type that subscribes to what {@code onSubscription} returns, anew each time. */
    Object defer(Supplier<Object> onSubscription) throws Throwable {
        return (Object) defer.invokeExact(onSubscription);
    }

    /** {@code publisher} with {@code end} run after each subscription ends, given Reactor's {@code SignalType}. */
    Object doFinally(Object publisher, Consumer<Object> end) throws Throwable {
        return (Object) doFinally.invokeExact(publisher, end);
    }

    /** Whether Reactor's {@code SignalType} handed to a {@link #doFinally} hook says the subscription was cancelled. */
    static boolean cancelled(Object signal) {
        return signal instanceof Enum && ((Enum<?>) signal).name().equals("CANCEL");
    }

    /** Whether it says the publisher ended with an error. */
    static boolean failed(Object signal) {
        return signal instanceof Enum && ((Enum<?>) signal).name().equals("ON_ERROR");
    }
}
