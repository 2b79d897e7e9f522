package dev.sonde.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class MethodParametersRestorerTest {

    private static final String NAME = "com.acme.generated.OwnerQueries";

    @TempDir
    Path classes;

    @Test
    void restoresTheNamesThatReconstitutedBytesLack() throws Exception {
        byte[] original = ownerQueries("find");
        Class<?> loaded = loadFromDirectory(original);

        byte[] restored = restorer().transform(loaded.getClassLoader(), internalName(), loaded, null,
                withoutMethodParameters(original));

        assertThat(parameterNames(restored)).containsExactly("find:page", "find:lastName");
    }

    @Test
    void leavesAClassWithoutNamesAlone() throws Exception {
        byte[] plain = withoutMethodParameters(ownerQueries("find"));
        Class<?> loaded = loadFromDirectory(plain);

        assertThat(restorer().transform(loaded.getClassLoader(), internalName(), loaded, null, plain)).isNull();
        assertThat(restorer().canRetransform(loaded)).isTrue();
    }

    @Test
    void doesNothingWhileAClassIsFirstLoaded() throws Exception {
        byte[] original = ownerQueries("find");
        loadFromDirectory(original);

        assertThat(restorer().transform(getClass().getClassLoader(), internalName(), null, null,
                withoutMethodParameters(original))).isNull();
    }

    @Test
    void copiesNothingFromAClassFileThatDeclaresOtherMethods() throws Exception {
        Class<?> loaded = loadFromDirectory(ownerQueries("find"));
        byte[] otherVersion = withoutMethodParameters(ownerQueries("search"));

        assertThat(restorer().transform(loaded.getClassLoader(), internalName(), loaded, null, otherVersion)).isNull();
    }

    @Test
    void aClassWithNamesAndNoClassFileMayNotBeRetransformed() throws Exception {
        byte[] original = ownerQueries("find");
        Class<?> withoutResource = new DefiningLoader().define(original);

        assertThat(restorer().canRetransform(withoutResource)).isFalse();
        assertThat(restorer().canRetransform(loadFromDirectory(original))).isTrue();
    }

    @Test
    void findsTheAttributeNameInAConstantPool() throws Exception {
        assertThat(MethodParametersRestorer.mentionsAttribute(ownerQueries("find"))).isTrue();
        assertThat(MethodParametersRestorer.mentionsAttribute(withoutMethodParameters(ownerQueries("find")))).isFalse();
    }

    private static MethodParametersRestorer restorer() {
        MethodParametersRestorer restorer = MethodParametersRestorer.forThisJvm();
        assumeThat(restorer).as("only JDKs before 19 need the restorer").isNotNull();
        return restorer;
    }

    /** A class whose static method {@code method(int page, String lastName)} has javac -parameters names. */
    private static byte[] ownerQueries(String method) {
        return new ByteBuddy().subclass(Object.class).name(NAME)
                .defineMethod(method, String.class, Visibility.PUBLIC, Ownership.STATIC)
                .withParameter(int.class, "page").withParameter(String.class, "lastName")
                .intercept(FixedValue.value("owners"))
                .make().getBytes();
    }

    private Class<?> loadFromDirectory(byte[] classFile) throws Exception {
        Path file = classes.resolve(internalName() + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, classFile);
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        return loader.loadClass(NAME);
    }

    private static String internalName() {
        return NAME.replace('.', '/');
    }

    /** What a JDK before 19 hands a retransforming agent: the class without MethodParameters. */
    private static byte[] withoutMethodParameters(byte[] classFile) {
        ClassReader reader = OpenedClassReader.of(classFile);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(OpenedClassReader.ASM_API, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(OpenedClassReader.ASM_API,
                        super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitParameter(String parameterName, int parameterAccess) {
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    private static List<String> parameterNames(byte[] classFile) {
        List<String> names = new ArrayList<>();
        OpenedClassReader.of(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(OpenedClassReader.ASM_API) {
                    @Override
                    public void visitParameter(String parameterName, int parameterAccess) {
                        names.add(name + ":" + parameterName);
                    }
                };
            }
        }, 0);
        return names;
    }

    /** Defines classes from bytes it keeps to itself: no class file to read them back from. */
    private static final class DefiningLoader extends ClassLoader {
        DefiningLoader() {
            super(null);
        }

        Class<?> define(byte[] classFile) {
            return defineClass(NAME, classFile, 0, classFile.length);
        }
    }
}
