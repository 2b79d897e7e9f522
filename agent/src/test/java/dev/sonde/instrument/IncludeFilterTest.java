package dev.sonde.instrument;

import com.acme.loading.Annotated;
import com.acme.loading.Annotated.ExtendsMarked;
import com.acme.loading.Annotated.ExtendsMarkedForSubclasses;
import com.acme.loading.Annotated.Marked;
import com.acme.loading.Annotated.MarkedForSubclasses;
import com.acme.loading.Annotated.MarkedMethod;
import dev.sonde.config.ConfigException;
import dev.sonde.config.MethodPattern;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

class IncludeFilterTest {

    private static final String HERE = Annotated.class.getName();

    private final ClassLoader application = getClass().getClassLoader();

    @Test
    void aClassAnnotationRulesOutEveryClassWhoseFileDoesNotNameIt() throws Exception {
        IncludeFilter marked = filter("@" + HERE + "$Marker#*");

        assertThat(maySelect(marked, Marked.class, application)).isTrue();
        assertThat(maySelect(marked, ExtendsMarked.class, application)).as("Marker is not @Inherited").isFalse();
        assertThat(maySelect(marked, MarkedMethod.class, application)).as("named by a method's annotation: a yes that"
                + " selects nothing").isTrue();
        assertThat(maySelect(marked, MarkedForSubclasses.class, application)).isFalse();
    }

    @Test
    void anInheritedAnnotationKeepsEveryClassOfALoaderThatSeesIt() throws Exception {
        IncludeFilter inherited = filter("@" + HERE + "$InheritedMarker#*");
        ClassLoader blind = new URLClassLoader(new URL[0], null);

        assertThat(maySelect(inherited, MarkedForSubclasses.class, application)).isTrue();
        assertThat(maySelect(inherited, ExtendsMarkedForSubclasses.class, application)).isTrue();
        assertThat(maySelect(inherited, Marked.class, application)).isTrue();
        assertThat(maySelect(inherited, Marked.class, blind)).as("a loader that cannot find the annotation").isFalse();
        assertThat(maySelect(inherited, MarkedForSubclasses.class, blind)).as("its file names it").isTrue();
    }

    @Test
    void aMethodAnnotationRulesOutClassesWhoseFileDoesNotNameIt() throws Exception {
        IncludeFilter annotatedMethods = filter("com.acme.**#@" + HERE + "$Marker");

        assertThat(maySelect(annotatedMethods, MarkedMethod.class, application)).isTrue();
        assertThat(maySelect(annotatedMethods, ExtendsMarked.class, application)).isFalse();
        assertThat(annotatedMethods.mayNameSelect("org.acme.Shop")).isFalse();
    }

    @Test
    void namesDecideForAPatternOfNames() throws Exception {
        IncludeFilter byName = filter(HERE + "$Marked#run");

        assertThat(byName.mayNameSelect(Marked.class.getName())).isTrue();
        assertThat(byName.mayNameSelect(ExtendsMarked.class.getName())).isFalse();
        assertThat(maySelect(byName, Marked.class, application)).isTrue();
        assertThat(filter("@" + HERE + "$Marker").mayNameSelect("com.acme.Shop")).as("told by the file").isTrue();
    }

    @Test
    void aSupertypePatternSelectsItsSubtypesOnly() throws Exception {
        IncludeFilter subtypes = filter("+" + HERE + "$Marked#run");

        assertThat(subtypes.mayNameSelect("org.acme.Shop")).as("told by the file").isTrue();
        assertThat(maySelect(subtypes, ExtendsMarked.class, application)).isTrue();
        assertThat(maySelect(subtypes, Marked.class, application)).isTrue();
        assertThat(maySelect(subtypes, MarkedMethod.class, application)).isFalse();
    }

    @Test
    void anAnnotationNamedBeyondAsciiIsNeverRuledOut() throws Exception {
        IncludeFilter unicode = filter("@com.acme.Zeitmeßung#*");

        assertThat(maySelect(unicode, Marked.class, application)).isTrue();
    }

    private static boolean maySelect(IncludeFilter filter, Class<?> type, ClassLoader loader) throws IOException {
        return filter.maySelect(type.getName(), loader, ClassFileOutline.read(classFile(type)));
    }

    private static IncludeFilter filter(String pattern) throws ConfigException {
        return new IncludeFilter(MethodPattern.parse(pattern));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
