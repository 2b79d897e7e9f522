package dev.sonde.instrument;

import com.acme.loading.ClassFiles;
import dev.sonde.record.OperationRegistry;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * sonde's timing advice, woven as {@link Instrumenter} weaves it, into classes of every class file
 * version from Java 1.2 on: the JVM verifies and runs each, and the methods answer and throw as they
 * did. Old versions matter because libraries compiled for Java 1.4 are still in use, and their class
 * files cannot hold what newer ones can (no stack map frames before Java 6, no class literals in the
 * constant pool before Java 5); see {@link AdviceCodeTest}.
 */
class OldClassFilesTest {

    private static final String NAME = "com.acme.old.Answer";

    @ParameterizedTest(name = "Java {0} class file")
    @ValueSource(ints = {2, 4, 5, 6, 8, 11})
    void timingAdviceRunsInClassFilesOfEveryVersion(int release) throws Exception {
        exercise(weave(ClassFiles.answer(NAME, release), MethodTimingAdvice.class, AsyncMethodTimingAdvice.class,
                ConstructorTimingAdvice.class));
    }

    @ParameterizedTest(name = "Java {0} class file")
    @ValueSource(ints = {2, 4, 5, 6, 8, 11})
    void profilingAdviceRunsInClassFilesOfEveryVersion(int release) throws Exception {
        exercise(weave(ClassFiles.answer(NAME, release), ProfilingAdvice.class, AsyncProfilingAdvice.class,
                ConstructorProfilingAdvice.class));
    }

    private static void exercise(byte[] woven) throws Exception {
        Class<?> answer = new SingleClassLoader(NAME, woven).loadClass(NAME);
        Object instance = answer.getDeclaredConstructor().newInstance();
        assertThat(answer.getMethod("next", int.class).invoke(instance, 41)).isEqualTo(42);
        assertThat(answer.getMethod("later").invoke(instance)).isEqualTo("later");
        Method fail = answer.getMethod("fail");
        assertThatThrownBy(() -> fail.invoke(instance)).isInstanceOf(InvocationTargetException.class)
                .hasCauseExactlyInstanceOf(IllegalStateException.class);
    }

    private static byte[] weave(byte[] classFile, Class<?> methodAdvice, Class<?> asyncAdvice,
                                Class<?> constructorAdvice) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(NAME, classFile),
                ClassFileLocator.ForClassLoader.ofSystemLoader());
        TypeDescription type = TypePool.Default.of(locator).describe(NAME).resolve();
        OperationRegistry registry = new OperationRegistry(100);
        int operationsBefore = registry.size();
        OperationIdBinding binding = new OperationIdBinding(registry);
        byte[] woven = Instrumenter.DECLARED_METHODS_ONLY.decorate(type, locator)
                .visit(Instrumenter.timingAdvice(constructorAdvice, binding).on(isConstructor()))
                .visit(Instrumenter.timingAdvice(methodAdvice, binding).on(named("next").or(named("fail"))))
                .visit(Instrumenter.timingAdvice(asyncAdvice, binding).on(named("later")))
                .make()
                .getBytes();
        assertThat(registry.size() - operationsBefore).as("operations woven: the constructor, next, fail, later")
                .isEqualTo(4);
        return woven;
    }
}
