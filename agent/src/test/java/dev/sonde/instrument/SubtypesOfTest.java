package dev.sonde.instrument;

import com.acme.loading.Callables;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class SubtypesOfTest {

    private final ClassLoader application = getClass().getClassLoader();

    @Test
    void aClassIsOneWhenItOrASupertypeOfItsIsTheType() throws IOException {
        SubtypesOf callables = new SubtypesOf(Callable.class.getName());

        assertThat(mayBeOne(callables, Callables.Declares.class, application)).as("implements it").isTrue();
        assertThat(mayBeOne(callables, Callables.Inherits.class, application)).as("through its superclass").isTrue();
        assertThat(mayBeOne(callables, Callables.FilterLike.class, application)).isFalse();
        assertThat(mayBeOne(callables, Callable.class, null)).as("the type itself").isTrue();
    }

    @Test
    void theJdksSupertypesAreReadToo() throws IOException {
        SubtypesOf collections = new SubtypesOf("java.util.Collection");

        assertThat(mayBeOne(collections, ArrayList.class, null)).as("AbstractList, List, then Collection").isTrue();
        assertThat(mayBeOne(collections, String.class, null)).isFalse();
    }

    @Test
    void aSupertypeThatCannotBeReadLeavesTheAnswerToByteBuddy() throws IOException {
        SubtypesOf declarers = new SubtypesOf(Callables.Declares.class.getName() + "Other");
        ClassLoader blind = new URLClassLoader(new URL[0], null);

        assertThat(mayBeOne(declarers, Callables.Inherits.class, application)).isFalse();
        assertThat(mayBeOne(declarers, Callables.Inherits.class, blind)).as("Declares cannot be found").isTrue();
    }

    @Test
    void answersAreKeptPerLoader() throws IOException {
        SubtypesOf declarers = new SubtypesOf(Callables.Declares.class.getName());
        ClassLoader blind = new URLClassLoader(new URL[0], null);

        assertThat(mayBeOne(declarers, Callables.Inherits.class, application)).isTrue();
        assertThat(mayBeOne(declarers, Callables.FilterLike.class, blind)).isFalse();
        assertThat(mayBeOne(declarers, Callables.Inherits.class, application)).isTrue();
    }

    @Test
    void aLoadersAnswersAreDroppedPastTheirBound() throws IOException {
        SubtypesOf callables = new SubtypesOf(Callable.class.getName());
        ClassFileOutline declares = ClassFileOutline.read(classFile(Callables.Declares.class));

        for (int i = 0; i < SubtypesOf.MAX_NAMES_PER_LOADER + 10; i++) {
            assertThat(callables.mayBeOne("com.acme.Generated" + i, application, declares)).isTrue();
        }
        assertThat(callables.answersKept(application)).isBetween(1, 20);
        assertThat(mayBeOne(callables, Callables.Inherits.class, application)).isTrue();
    }

    private static boolean mayBeOne(SubtypesOf subtypes, Class<?> type, ClassLoader loader) throws IOException {
        return subtypes.mayBeOne(type.getName(), loader, ClassFileOutline.read(classFile(type)));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
