package dev.sonde.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.inline.MethodNameTransformer;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

class MethodBodyDecorationTest {

    @Test
    void weavesTheMethodBodyAndCopiesTheClassAnnotationsWithoutLookingUpTheirTypes() throws Exception {
        RecordingLocator locator = new RecordingLocator();
        TypeDescription type = TypePool.Default.of(locator).describe(Annotated.class.getName()).resolve();
        locator.located.clear();

        byte[] woven = MethodBodyDecoration.INSTANCE
                .builder(type, new ByteBuddy(), locator, MethodNameTransformer.Suffixing.withRandomSuffix(),
                        Annotated.class.getClassLoader(), null, null)
                .visit(Advice.to(AnswerAdvice.class).on(named("get")))
                .make()
                .getBytes();

        assertThat(locator.located).doesNotContain(KeptAtRunTime.class.getName(), KeptInClassFile.class.getName());
        assertThat(classAnnotations(woven)).containsExactlyElementsOf(classAnnotations(classFile(Annotated.class)))
                .contains(descriptor(KeptAtRunTime.class) + " visible", descriptor(KeptInClassFile.class) + " invisible");
        Class<?> loaded = new SingleClassLoader(Annotated.class.getName(), woven).loadClass(Annotated.class.getName());
        assertThat(((Supplier<?>) loaded.getDeclaredConstructor().newInstance()).get()).isEqualTo("woven");
        assertThat(loaded.getAnnotation(KeptAtRunTime.class).value()).isEqualTo("class");
    }

    private static List<String> classAnnotations(byte[] classFile) {
        List<String> annotations = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                annotations.add(descriptor + (visible ? " visible" : " invisible"));
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return annotations;
    }

    private static String descriptor(Class<?> type) {
        return "L" + type.getName().replace('.', '/') + ";";
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        return ClassFileLocator.ForClassLoader.read(type);
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface KeptAtRunTime {
        String value();
    }

    @Retention(RetentionPolicy.CLASS)
    @interface KeptInClassFile {
    }

    @KeptAtRunTime("class")
    @KeptInClassFile
    public static final class Annotated implements Supplier<String> {
        @Override
        public String get() {
            return "plain";
        }
    }

    static final class AnswerAdvice {
        @Advice.OnMethodExit
        static void replace(@Advice.Return(readOnly = false) String answer) {
            answer = "woven";
        }
    }

    /** The class files of the test's class loader, noting which types were looked up. */
    private static final class RecordingLocator implements ClassFileLocator {
        final List<String> located = new ArrayList<>();
        private final ClassFileLocator classPath =
                ClassFileLocator.ForClassLoader.of(MethodBodyDecorationTest.class.getClassLoader());

        @Override
        public Resolution locate(String name) throws IOException {
            located.add(name);
            return classPath.locate(name);
        }

        @Override
        public void close() throws IOException {
            classPath.close();
        }
    }
}
