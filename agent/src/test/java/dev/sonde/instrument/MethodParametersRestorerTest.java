package dev.sonde.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
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
    void methodsThatAnotherAgentAddedDoNotStopTheRestGettingTheirNames() throws Exception {
        Class<?> loaded = loadFromDirectory(ownerQueries("find"));
        byte[] withCoverageProbes = withExtraMethod(withoutMethodParameters(ownerQueries("find")), "$jacocoInit");

        byte[] restored = restorer().transform(loaded.getClassLoader(), internalName(), loaded, null, withCoverageProbes);

        assertThat(parameterNames(restored)).containsExactly("find:page", "find:lastName");
    }

    @Test
    void theNamesAreTheLoadedClassesNotThoseOfAnotherVersionItsLoaderServes() throws Exception {
        byte[] served = ownerQueries("find", "pageNumber", "surname");
        byte[] defined = ownerQueries("find");
        Class<?> loaded = new DefiningLoader(served).define(defined);

        byte[] restored = restorer().transform(loaded.getClassLoader(), internalName(), loaded, null,
                withoutMethodParameters(defined));

        assertThat(parameterNames(restored)).containsExactly("find:page", "find:lastName");
    }

    @Test
    void aClassWithoutAClassFileGetsItsNamesBackFromReflection() throws Exception {
        byte[] original = ownerQueries("find");
        Class<?> withoutResource = new DefiningLoader(null).define(original);

        assertThat(restorer().canRetransform(withoutResource)).isTrue();
        assertThat(parameterNames(restorer().transform(withoutResource.getClassLoader(), internalName(), withoutResource,
                null, withoutMethodParameters(original)))).containsExactly("find:page", "find:lastName");
    }

    @Test
    void whenReflectionCannotListTheMethodsTheNamesComeFromTheClassesOwnFile() throws Exception {
        byte[] original = namingAMissingClass();
        Class<?> loaded = loadFromDirectory(original);

        assertThat(restorer().canRetransform(loaded)).isTrue();
        assertThat(parameterNames(restorer().transform(loaded.getClassLoader(), internalName(), loaded, null,
                withoutMethodParameters(original)))).containsExactly("find:missing", "find:lastName");
    }

    @Test
    void whenReflectionCannotListTheMethodsAFileFromElsewhereThanTheCodeSourceIsNotUsed() throws Exception {
        byte[] original = namingAMissingClass();
        Class<?> withParentsFile = new DefiningLoader(original).define(original);

        assertThat(restorer().canRetransform(withParentsFile)).isFalse();
        assertThat(restorer().transform(withParentsFile.getClassLoader(), internalName(), withParentsFile, null,
                withoutMethodParameters(original))).isNull();
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
        return ownerQueries(method, "page", "lastName");
    }

    private static byte[] ownerQueries(String method, String first, String second) {
        return new ByteBuddy().subclass(Object.class).name(NAME)
                .defineMethod(method, String.class, Visibility.PUBLIC, Ownership.STATIC)
                .withParameter(int.class, first).withParameter(String.class, second)
                .intercept(FixedValue.value("owners"))
                .make().getBytes();
    }

    /** {@code find(com.acme.generated.Missing missing, String lastName)}: a class that does not exist. */
    private static byte[] namingAMissingClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, internalName(), null, "java/lang/Object", null);
        MethodVisitor find = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "find",
                "(Lcom/acme/generated/Missing;Ljava/lang/String;)Ljava/lang/String;", null, null);
        find.visitParameter("missing", 0);
        find.visitParameter("lastName", 0);
        find.visitCode();
        find.visitLdcInsn("owners");
        find.visitInsn(Opcodes.ARETURN);
        find.visitMaxs(0, 0);
        find.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** The class with one more method, without parameters, as a coverage agent adds at load. */
    private static byte[] withExtraMethod(byte[] classFile, String name) {
        ClassReader reader = OpenedClassReader.of(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(OpenedClassReader.ASM_API, writer) {
            @Override
            public void visitEnd() {
                MethodVisitor method = super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                        name, "()V", null, null);
                method.visitCode();
                method.visitInsn(Opcodes.RETURN);
                method.visitMaxs(0, 0);
                method.visitEnd();
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
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

    /**
     * Defines a class from bytes it is given, and serves {@code served} (or nothing) as its class
     * file, as a child-first loader whose resource lookup finds its parent's version first would.
     */
    private static final class DefiningLoader extends ClassLoader {
        private final byte[] served;

        DefiningLoader(byte[] served) {
            super(null);
            this.served = served;
        }

        Class<?> define(byte[] classFile) {
            ProtectionDomain domain = new ProtectionDomain(new CodeSource(codeSource(), (Certificate[]) null), null);
            return defineClass(NAME, classFile, 0, classFile.length, domain);
        }

        @Override
        protected URL findResource(String name) {
            if (served == null || !name.equals(internalName() + ".class")) {
                return null;
            }
            try {
                Path elsewhere = Files.createTempDirectory("parent").resolve("OwnerQueries.class");
                Files.write(elsewhere, served);
                return elsewhere.toUri().toURL();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static URL codeSource() {
            try {
                return Paths.get("/plugins/owners.jar").toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
