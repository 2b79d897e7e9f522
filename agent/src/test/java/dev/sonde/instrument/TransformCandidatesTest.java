package dev.sonde.instrument;

import com.acme.loading.Annotated;
import com.acme.loading.Callables;
import dev.sonde.config.ConfigException;
import dev.sonde.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TransformCandidatesTest {

    private final ClassLoader application = getClass().getClassLoader();

    @Test
    void aClassAnIncludeNamesIsACandidateAndOthersAreNot() throws Exception {
        TransformCandidates candidates = candidates("include=com.acme.shop.**,http=off,jdbc=off,http.client=off");

        assertThat(candidates.mayTransform("com/acme/shop/Cart", application, new byte[0])).isTrue();
        assertThat(candidates.mayTransform("com/acme/other/Cart", application, new byte[0])).isFalse();
    }

    @Test
    void anIncludeBySupertypeSelectsItsSubtypesButNoJdkClass() throws Exception {
        TransformCandidates subtypes = candidates("include=+java.util.concurrent.Callable#call,"
                + "http=off,jdbc=off,http.client=off");

        assertThat(subtypes.mayTransform(internalName(Callables.Inherits.class), application,
                classFile(Callables.Inherits.class))).isTrue();
        assertThat(subtypes.mayTransform(internalName(Callables.FilterLike.class), application,
                classFile(Callables.FilterLike.class))).isFalse();
        assertThat(subtypes.mayTransform("org/other/Anything", application, new byte[0])).as("unreadable").isTrue();
        assertThat(subtypes.mayTransform("java/util/concurrent/FutureTask", null, new byte[0])).isFalse();
    }

    @Test
    void anIncludeByAnAnnotationThatIsNotInheritedSelectsOnlyClassesThatNameIt() throws Exception {
        TransformCandidates annotated = candidates("include=@" + Annotated.class.getName() + "$Marker#*,"
                + "http=off,jdbc=off,http.client=off");

        assertThat(annotated.mayTransform(internalName(Annotated.Marked.class), application,
                classFile(Annotated.Marked.class))).isTrue();
        assertThat(annotated.mayTransform(internalName(Annotated.ExtendsMarked.class), application,
                classFile(Annotated.ExtendsMarked.class))).isFalse();
        assertThat(annotated.mayTransform(internalName(Callables.Declares.class), application,
                classFile(Callables.Declares.class))).isFalse();
    }

    @Test
    void aClassWithoutCodeIsNoCandidateWhateverSelectsIt() throws Exception {
        byte[] abstractOnly = classFile(ClassFileOutlineTest.Constants.class);
        byte[] withDefault = classFile(ClassFileOutlineTest.WithDefault.class);

        for (String arguments : new String[] {"include=com.acme.**,http=off,jdbc=off,http.client=off",
                "include=+com.acme.Api,http=off,jdbc=off,http.client=off", "include=com.acme.**,http=on,jdbc=on"}) {
            TransformCandidates candidates = candidates(arguments);
            assertThat(candidates.mayTransform("com/acme/Api", application, abstractOnly)).as(arguments).isFalse();
            assertThat(candidates.mayTransform("com/acme/Api", application, withDefault)).as(arguments).isTrue();
        }
    }

    @Test
    void withHttpOnAClassDeclaringAServletMethodIsACandidate() throws Exception {
        byte[] filter = classFile(Callables.FilterLike.class);
        byte[] plain = classFile(Callables.Declares.class);

        assertThat(candidates("http=on,jdbc=off").mayTransform(internalName(Callables.FilterLike.class), application,
                filter)).isTrue();
        assertThat(candidates("http=on,jdbc=off").mayTransform(internalName(Callables.Declares.class), application,
                plain)).isFalse();
        assertThat(candidates("http=off,jdbc=off").mayTransform(internalName(Callables.FilterLike.class), application,
                filter)).isFalse();
        assertThat(candidates("http=on,jdbc=off").mayTransform("com/sun/net/httpserver/Filter$Chain", null,
                new byte[0])).isTrue();
    }

    @Test
    void withJdbcOnAClassDeclaringAStatementMethodIsACandidate() throws Exception {
        byte[] statement = classFile(Callables.StatementLike.class);

        assertThat(candidates("http=off,jdbc=on").mayTransform(internalName(Callables.StatementLike.class), application,
                statement)).isTrue();
        assertThat(candidates("http=off,jdbc=off").mayTransform(internalName(Callables.StatementLike.class), application,
                statement)).isFalse();
    }

    @Test
    void aClassWithAnExecuteMethodThatMentionsNoJdbcTypeIsNoCandidate() throws Exception {
        assertThat(candidates("http=off,jdbc=on").mayTransform(internalName(Callables.ExecutorLike.class), application,
                classFile(Callables.ExecutorLike.class))).isFalse();
    }

    @Test
    void httpClientsAreCandidatesByTheirExactNames() throws Exception {
        assertThat(candidates("http.client=on,http=off,jdbc=off").mayTransform("okhttp3/RealCall", application,
                new byte[0])).isTrue();
        assertThat(candidates("http.client=on,http=off,jdbc=off").mayTransform(
                "jdk/internal/net/http/HttpClientImpl", ClassLoader.getPlatformClassLoader(), new byte[0])).isTrue();
        assertThat(candidates("http.client=off,http=off,jdbc=off").mayTransform("okhttp3/RealCall", application,
                new byte[0])).isFalse();
    }

    @Test
    void anUnreadableClassFileIsACandidateWhenServersOrDriversAreTimed() throws Exception {
        assertThat(candidates("http=on").mayTransform("com/acme/Broken", application, new byte[] {1, 2, 3})).isTrue();
    }

    static TransformCandidates candidates(String arguments) {
        try {
            return new TransformCandidates(new ConfigLoader(Map.of(), Map.of()).load(arguments));
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + internalName(type) + ".class")) {
            return in.readAllBytes();
        }
    }
}
