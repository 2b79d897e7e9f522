package dev.sonde.instrument;

import dev.sonde.bootstrap.Log;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;

import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works around JDK-8240908 (fixed in JDK 19): when a class is retransformed, the JVM hands the
 * transformers class bytes rebuilt from the loaded class, and before JDK 19 those bytes lack every
 * method's {@code MethodParameters} attribute. The class is then redefined without it, and
 * {@code Method.getParameters()} answers {@code arg0, arg1} instead of the names javac's
 * {@code -parameters} recorded, for the rest of the JVM's life. Spring binds
 * {@code @RequestParam}/{@code @PathVariable} by those names, so an application would answer 500
 * after sonde attached (or detached, or was reconfigured).
 *
 * <p>Registered as a retransformation-capable transformer of its own for as long as sonde runs, this
 * puts the attributes back from the class's original class file (as its class loader serves it) into
 * whatever bytes a retransformation produces, including the retransformation that removes sonde's
 * advice. Only the attribute is copied, and only when the original declares exactly the methods
 * being redefined; everything else stays as the other transformers made it.
 *
 * <p>{@link #canRetransform} tells beforehand whether a loaded class would lose nothing: sonde does
 * not retransform one whose names could not be restored, and says so once.
 */
public final class MethodParametersRestorer implements ClassFileTransformer {

    /** The first JDK whose retransformation keeps {@code MethodParameters}. */
    private static final int FIXED_IN = 19;
    /** The attribute's name as it appears in a constant pool (tag 1, length 16): a cheap pre-check. */
    private static final byte[] ATTRIBUTE_NAME = "\u0001\u0000\u0010MethodParameters".getBytes(StandardCharsets.ISO_8859_1);
    /** Past this many names, a class left untimed is said again rather than remembered without bound. */
    private static final int REMEMBERED_NAMES = 10_000;

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    private MethodParametersRestorer() {
    }

    /**
     * A restorer if this JDK needs one, else null. It works once registered as a
     * retransformation-capable transformer, before the first retransformation sonde asks for.
     */
    public static MethodParametersRestorer forThisJvm() {
        return Runtime.version().feature() >= FIXED_IN ? null : new MethodParametersRestorer();
    }

    /**
     * Whether retransforming {@code loaded} keeps its parameter names: when it has none, or its
     * original class file is at hand to restore them from. A class that
     * fails this is left as it is, said once.
     */
    public boolean canRetransform(Class<?> loaded) {
        byte[] original = originalClassFile(loaded.getName(), loaded.getClassLoader());
        if (original != null || !hasParameterNames(loaded)) {
            return true;
        }
        if (reported.size() >= REMEMBERED_NAMES || reported.add(loaded.getName())) {
            Log.error(loaded.getName() + " runs untimed: its parameter names (javac -parameters) would be lost if it"
                    + " were retransformed on Java " + Runtime.version().feature() + " (JDK-8240908), and its class"
                    + " file cannot be read to restore them; start sonde with -javaagent, or run on Java 19+");
        }
        return false;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classfileBuffer) {
        if (classBeingRedefined == null || internalName == null) {
            return null;
        }
        try {
            byte[] original = originalClassFile(classBeingRedefined.getName(), loader);
            return original == null || !mentionsAttribute(original) ? null : restore(classfileBuffer, original,
                    classBeingRedefined.getName());
        } catch (Throwable t) {
            Log.error("could not restore the parameter names of " + classBeingRedefined.getName(), t);
            return null;
        }
    }

    private byte[] restore(byte[] redefined, byte[] original, String className) {
        Map<String, List<NamedParameter>> parameters = new LinkedHashMap<>();
        Set<String> originalMethods = new HashSet<>();
        OpenedClassReader.of(original).accept(new ParameterCollector(parameters, originalMethods),
                ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        if (parameters.isEmpty()) {
            return null;
        }
        ClassReader reader = OpenedClassReader.of(redefined);
        ClassWriter writer = new ClassWriter(reader, 0);
        ParameterWriter restoring = new ParameterWriter(writer, parameters);
        reader.accept(restoring, 0);
        if (!restoring.methods.equals(originalMethods)) {
            Log.error("could not restore the parameter names of " + className + ": its class file on the class path"
                    + " declares other methods than the loaded class");
            return null;
        }
        return writer.toByteArray();
    }

    private static byte[] originalClassFile(String className, ClassLoader loader) {
        try {
            ClassFileLocator.Resolution resolution = ClassFileLocator.ForClassLoader.of(loader).locate(className);
            return resolution.isResolved() ? resolution.resolve() : null;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static boolean hasParameterNames(Class<?> loaded) {
        try {
            for (Executable executable : declaredExecutables(loaded)) {
                for (Parameter parameter : executable.getParameters()) {
                    if (parameter.isNamePresent()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (Throwable unresolvable) {
            // A signature naming a class that is missing: whether it has names cannot be told.
            return true;
        }
    }

    private static List<Executable> declaredExecutables(Class<?> loaded) {
        List<Executable> executables = new ArrayList<>(List.of(loaded.getDeclaredMethods()));
        executables.addAll(List.of(loaded.getDeclaredConstructors()));
        return executables;
    }

    static boolean mentionsAttribute(byte[] classFile) {
        outer:
        for (int i = 0; i <= classFile.length - ATTRIBUTE_NAME.length; i++) {
            for (int j = 0; j < ATTRIBUTE_NAME.length; j++) {
                if (classFile[i + j] != ATTRIBUTE_NAME[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static final class NamedParameter {
        final String name;
        final int access;

        NamedParameter(String name, int access) {
            this.name = name;
            this.access = access;
        }
    }

    /** Reads every method's key (name and descriptor) and its {@code MethodParameters}, if any. */
    private static final class ParameterCollector extends ClassVisitor {
        private final Map<String, List<NamedParameter>> parameters;
        private final Set<String> methods;

        ParameterCollector(Map<String, List<NamedParameter>> parameters, Set<String> methods) {
            super(OpenedClassReader.ASM_API);
            this.parameters = parameters;
            this.methods = methods;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            String key = name + descriptor;
            methods.add(key);
            return new MethodVisitor(OpenedClassReader.ASM_API) {
                @Override
                public void visitParameter(String parameterName, int parameterAccess) {
                    parameters.computeIfAbsent(key, any -> new ArrayList<>())
                            .add(new NamedParameter(parameterName, parameterAccess));
                }
            };
        }
    }

    /** Copies a class, giving each method the {@code MethodParameters} of the original; notes the methods it saw. */
    private static final class ParameterWriter extends ClassVisitor {
        private final Map<String, List<NamedParameter>> parameters;
        final Set<String> methods = new HashSet<>();

        ParameterWriter(ClassVisitor writer, Map<String, List<NamedParameter>> parameters) {
            super(OpenedClassReader.ASM_API, writer);
            this.parameters = parameters;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            methods.add(name + descriptor);
            MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
            List<NamedParameter> named = parameters.get(name + descriptor);
            if (named == null) {
                return method;
            }
            for (NamedParameter parameter : named) {
                method.visitParameter(parameter.name, parameter.access);
            }
            return new MethodVisitor(OpenedClassReader.ASM_API, method) {
                @Override
                public void visitParameter(String parameterName, int parameterAccess) {
                    // Already written from the original above.
                }
            };
        }
    }
}
