package dev.sonde.instrument;

import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which declared return types get the checking advice: those that are or may hold a
 * {@code CompletionStage}, and those under which a Reactor {@code Mono} or {@code Flux} can be handed
 * back as a publisher of the same type; every other method keeps the plain advice and its cost.
 */
class AsyncResultsTest {

    /** A library's own future type, known only as a subtype of CompletionStage. */
    static class LibraryFuture<T> extends CompletableFuture<T> {
    }

    interface Promise<T> extends CompletionStage<T> {
    }

    @ParameterizedTest
    @ValueSource(classes = {CompletableFuture.class, CompletionStage.class, LibraryFuture.class, Promise.class,
            Future.class, Object.class, reactor.core.publisher.Mono.class, reactor.core.publisher.Flux.class,
            org.reactivestreams.Publisher.class})
    void aMethodDeclaredToReturnAStageOrATypeAStageCanHideBehindIsChecked(Class<?> declared) {
        assertThat(AsyncResults.mayHoldOne(TypeDescription.ForLoadedType.of(declared), new SupertypeNames())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(classes = {void.class, int.class, long.class, String.class, List.class, Serializable.class,
            FutureTask.class, Object[].class, CompletableFuture[].class,
            reactor.core.publisher.ParallelFlux.class, reactor.core.publisher.ConnectableFlux.class})
    void aMethodDeclaredToReturnAnythingElseKeepsThePlainAdvice(Class<?> declared) {
        assertThat(AsyncResults.mayHoldOne(TypeDescription.ForLoadedType.of(declared), new SupertypeNames())).isFalse();
    }
}
