package dev.sonde.instrument;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassFileOutlineTest {

    /** Declares {@code size} and {@code get} with bodies, and nothing named {@code run}. */
    static final class Sized extends AbstractList<String> {
        static final long BIG = 1L << 40;       // a Long constant: two constant pool slots
        static final double HALF = 0.5;         // a Double: two slots too

        @Override
        public String get(int index) {
            return String.valueOf(BIG * HALF);
        }

        @Override
        public int size() {
            Runnable lambda = () -> { };        // an invokedynamic and a method handle constant
            lambda.run();                       // "run" is in the constant pool, but not declared
            return 0;
        }
    }

    /** Not generic: a generic interface would give it a concrete bridge method of the same name. */
    abstract static class HalfDone implements Runnable {
        @Override
        public abstract void run();

        void done() {
        }
    }

    /** Mentions java.sql only in a descriptor. */
    static final class Connecting {
        java.sql.Connection open() {
            return null;
        }
    }

    /** Its only code is the static initializer that builds {@code NAMES}. */
    interface Constants {
        List<String> NAMES = List.of("a", "b");

        String name(int index);
    }

    interface WithDefault {
        String name(int index);

        default String first() {
            return name(0);
        }
    }

    @Test
    void tellsWhetherAClassDeclaresAnyCodeBesidesItsStaticInitializer() throws IOException {
        assertThat(ClassFileOutline.read(classFile(Sized.class)).declaresCode()).isTrue();
        assertThat(ClassFileOutline.read(classFile(HalfDone.class)).declaresCode()).isTrue();
        assertThat(ClassFileOutline.read(classFile(WithDefault.class)).declaresCode()).isTrue();
        assertThat(ClassFileOutline.read(classFile(Runnable.class)).declaresCode()).isFalse();
        assertThat(ClassFileOutline.read(classFile(Constants.class)).declaresCode()).isFalse();
        assertThat(ClassFileOutline.read(classFile(FunctionalInterface.class)).declaresCode()).as("an annotation type")
                .isFalse();
    }

    @Test
    void namesTheSupertypesAClassFileNames() throws IOException {
        assertThat(ClassFileOutline.read(classFile(Sized.class)).supertypeNames()).containsExactly("java.util.AbstractList");
        assertThat(ClassFileOutline.read(classFile(HalfDone.class)).supertypeNames())
                .containsExactly("java.lang.Object", "java.lang.Runnable");
        assertThat(ClassFileOutline.read(classFile(List.class)).supertypeNames())
                .containsExactly("java.lang.Object", "java.util.Collection");
        assertThat(ClassFileOutline.read(classFile(Object.class)).supertypeNames()).isEmpty();
    }

    @Test
    void findsAClassFileByNameThroughALoader() throws IOException {
        ClassLoader blind = new java.net.URLClassLoader(new java.net.URL[0], null);

        assertThat(ClassFileOutline.find(getClass().getClassLoader(), Sized.class.getName()).supertypeNames())
                .containsExactly("java.util.AbstractList");
        assertThat(ClassFileOutline.find(blind, Sized.class.getName())).isNull();
    }

    @Test
    void tellsWhetherAClassFileMentionsATypeOfAPackage() throws IOException {
        ClassFileOutline connecting = ClassFileOutline.read(classFile(Connecting.class));

        assertThat(connecting.mentionsTypesIn("javax/sql/", "java/sql/")).isTrue();
        assertThat(connecting.mentionsTypesIn("javax/sql/")).isFalse();
        assertThat(ClassFileOutline.read(classFile(Sized.class)).mentionsTypesIn("java/sql/")).isFalse();
    }

    @Test
    void findsTheMethodsAClassDeclaresWithABody() throws IOException {
        ClassFileOutline outline = ClassFileOutline.read(classFile(Sized.class));

        assertThat(outline.isInterface()).isFalse();
        assertThat(outline.declaresConcreteMethodNamed(new String[] {"size"})).isTrue();
        assertThat(outline.declaresConcreteMethodNamed(new String[] {"nothing", "get"})).isTrue();
    }

    @Test
    void aNameThatIsOnlyCalledOrInheritedIsNotDeclared() throws IOException {
        ClassFileOutline outline = ClassFileOutline.read(classFile(Sized.class));

        assertThat(outline.declaresConcreteMethodNamed(new String[] {"run"})).isFalse();
        assertThat(outline.declaresConcreteMethodNamed(new String[] {"iterator", "siz", "sizes"})).isFalse();
    }

    @Test
    void abstractMethodsDoNotCount() throws IOException {
        ClassFileOutline outline = ClassFileOutline.read(classFile(HalfDone.class));

        assertThat(outline.declaresConcreteMethodNamed(new String[] {"run"})).isFalse();
        assertThat(outline.declaresConcreteMethodNamed(new String[] {"done"})).isTrue();
    }

    @Test
    void interfacesAreToldApart() throws IOException {
        assertThat(ClassFileOutline.read(classFile(List.class)).isInterface()).isTrue();
        assertThat(ClassFileOutline.read(classFile(ArrayList.class)).isInterface()).isFalse();
    }

    @Test
    void largeJdkClassesAreReadToTheirMethods() throws IOException {
        assertThat(ClassFileOutline.read(classFile(Thread.class)).declaresConcreteMethodNamed(new String[] {"run"}))
                .isTrue();
        assertThat(ClassFileOutline.read(classFile(String.class)).declaresConcreteMethodNamed(new String[] {"run"}))
                .isFalse();
    }

    @Test
    void aBrokenClassFileIsRefusedWithoutAnythingElseEscaping() throws IOException {
        byte[] whole = classFile(Sized.class);

        assertThatThrownBy(() -> ClassFileOutline.read(Arrays.copyOf(whole, whole.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClassFileOutline.read(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
