package dev.sonde.instrument;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code of every advice method is copied into the application's classes, whatever version of the
 * class file format they have, and sonde weaves without Byte Buddy's type validation (see
 * {@link Instrumenter}): so it may use nothing that an old class file cannot hold. A class literal,
 * a lambda or string concatenation ({@code invokedynamic}), or a static interface method would make
 * the JVM reject a Java 1.4 library's class instead of timing it.
 */
class AdviceCodeTest {

    @Test
    void everyAdviceMethodUsesOnlyCodeThatClassFilesOfEveryVersionCanHold() throws Exception {
        List<Class<?>> adviceClasses = adviceClasses();
        assertThat(adviceClasses).as("advice classes found").hasSizeGreaterThan(15)
                .contains(MethodTimingAdvice.class, ProfilingAdvice.class, ServletRequestAdvice.class);

        List<String> problems = new ArrayList<>();
        for (Class<?> advice : adviceClasses) {
            problems.addAll(problemsIn(advice));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFindsWhatOldClassFilesCannotHold() throws IOException {
        assertThat(problemsIn(NotForOldClassFiles.class)).hasSize(3)
                .anyMatch(problem -> problem.contains("class literal"))
                .anyMatch(problem -> problem.contains("invokedynamic"))
                .anyMatch(problem -> problem.contains("static interface method"));
    }

    private static List<String> problemsIn(Class<?> advice) throws IOException {
        List<String> adviceMethods = new ArrayList<>();
        for (Method method : advice.getDeclaredMethods()) {
            if (isAdviceMethod(method)) {
                adviceMethods.add(method.getName());
            }
        }
        List<String> problems = new ArrayList<>();
        new ClassReader(ClassFileLocator.ForClassLoader.read(advice)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (!adviceMethods.contains(name)) {
                    return null;
                }
                String where = advice.getSimpleName() + "#" + name + ": ";
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLdcInsn(Object constant) {
                        if (constant instanceof Type) {
                            problems.add(where + "class literal " + constant);
                        } else if (constant instanceof Handle || constant instanceof ConstantDynamic) {
                            problems.add(where + "dynamic constant " + constant);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                                       Object... arguments) {
                        problems.add(where + "invokedynamic " + name + descriptor);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                                boolean isInterface) {
                        if (isInterface && opcode != Opcodes.INVOKEINTERFACE) {
                            problems.add(where + "static interface method " + owner + "." + name);
                        }
                    }
                };
            }
        }, 0);
        return problems;
    }

    /** The classes of sonde's instrumentation package that declare advice methods. */
    private static List<Class<?>> adviceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        // The package's directory among the main classes (the test classes have one of the same name).
        URL mainClasses = Instrumenter.class.getProtectionDomain().getCodeSource().getLocation();
        Path directory = Paths.get(mainClasses.toURI()).resolve("dev/sonde/instrument");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".class")) {
                    continue;
                }
                Class<?> type = Class.forName("dev.sonde.instrument." + fileName.replace(".class", ""), false,
                        AdviceCodeTest.class.getClassLoader());
                if (declaresAdvice(type)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    private static boolean declaresAdvice(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (isAdviceMethod(method)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAdviceMethod(Method method) {
        return method.isAnnotationPresent(Advice.OnMethodEnter.class)
                || method.isAnnotationPresent(Advice.OnMethodExit.class);
    }

    /** What the check must catch: each of these would make an old class file invalid. */
    static final class NotForOldClassFiles {

        @Advice.OnMethodEnter
        static Object enter() {
            Runnable lambda = () -> { };
            return List.of(String.class, lambda);
        }
    }
}
