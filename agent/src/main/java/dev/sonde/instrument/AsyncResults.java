package dev.sonde.instrument;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Set;

/**
 * Which timed methods may return an asynchronous result, decided from the declared return type
 * while the class is transformed, so that every other method keeps the plain advice and pays
 * nothing at run time. A method may return one when its declared type is an asynchronous type
 * ({@code CompletionStage} or any of its implementations) or a type that such a result can be
 * assigned to ({@code Object}, {@code Future}): the advice then looks at the actual result.
 *
 * <p>Reactive Streams publishers are followed where sonde can hand back a publisher of the declared
 * type that times each subscription: declared {@code Mono}, {@code Flux}, {@code Publisher} or
 * {@code Object}, holding a Reactor {@code Mono} or {@code Flux}. These are matched by name, so an
 * application without Reactor loads no Reactor type. Other publisher types ({@code ParallelFlux},
 * RxJava's {@code Flowable}, a declared {@code ConnectableFlux}) are timed as they return.
 *
 * <p>Other declared types are not checked: {@code void}, primitives, and every class or interface
 * unrelated to {@code CompletionStage}. An unrelated interface could in principle be implemented by
 * a {@code CompletableFuture} subclass too; no real code returns one that way, and checking every
 * method returning a {@code List} would cost all of them an {@code instanceof}.
 */
final class AsyncResults {

    private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";

    /** Declared types a {@code CompletableFuture} or a Reactor publisher can hide behind, or be. */
    private static final Set<String> HOLDERS = Set.of("java.lang.Object", "java.util.concurrent.Future",
            "org.reactivestreams.Publisher", "reactor.core.publisher.Mono", "reactor.core.publisher.Flux");

    private AsyncResults() {
    }

    /** Methods whose declared return type may hold an asynchronous result. */
    static ElementMatcher<MethodDescription> mayReturnOne(SupertypeNames supertypes) {
        return method -> mayHoldOne(method.getReturnType().asErasure(), supertypes);
    }

    static boolean mayHoldOne(TypeDescription declared, SupertypeNames supertypes) {
        if (declared.isPrimitive() || declared.represents(void.class)) {
            return false;
        }
        if (declared.isArray()) {
            return false;
        }
        String name = declared.getName();
        return HOLDERS.contains(name) || supertypes.of(declared).contains(COMPLETION_STAGE);
    }
}
