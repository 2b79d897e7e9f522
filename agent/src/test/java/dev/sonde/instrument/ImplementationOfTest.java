package dev.sonde.instrument;

import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ImplementationOfTest {

    static Stream<Arguments> types() {
        return Stream.of(
                arguments(ArrayList.class, Collection.class, true),       // through List and AbstractCollection
                arguments(AbstractList.class, Collection.class, true),    // abstract, but a class
                arguments(ConcurrentLinkedQueue.class, Collection.class, true),
                arguments(HashMap.class, Collection.class, false),
                arguments(List.class, Collection.class, false),           // an interface itself
                arguments(Thread.class, Runnable.class, true),
                arguments(String.class, Runnable.class, false));
    }

    @ParameterizedTest(name = "{0} implements {1}: {2}")
    @MethodSource("types")
    void aLoadedClassIsJudgedAsItsClassFileDescriptionIs(Class<?> type, Class<?> api, boolean expected) {
        ImplementationOf matcher = new ImplementationOf(api.getName(), new SupertypeNames());
        TypeDescription description = TypeDescription.ForLoadedType.of(type);

        boolean beingLoaded = matcher.matches(description, null, null, null, null);
        boolean alreadyLoaded = matcher.matches(description, null, null, type, null);

        assertThat(beingLoaded).isEqualTo(expected);
        assertThat(alreadyLoaded).isEqualTo(expected);
    }
}
