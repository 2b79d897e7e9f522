package dev.sonde.instrument;

import dev.sonde.bootstrap.Log;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
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
 * puts the attributes back into whatever bytes a retransformation produces, including the
 * retransformation that removes sonde's advice. The names come from the loaded class itself, as
 * reflection shows them to the application now: not from a class file, which may be another
 * version (a child-first loader serves its parent's) or lack the methods another agent added (a
 * coverage agent's {@code $jacocoInit}). Only when reflection cannot list the class's methods (a
 * signature names a class that is missing) is the class file read instead, and only the class's own
 * file (from its code source) that declares no method the loaded class lacks. Only the attribute is
 * copied; everything else stays as the other transformers made it.
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
     * Whether retransforming {@code loaded} keeps its parameter names: when reflection shows them (or
     * shows there are none), or else its own class file is at hand to restore them from. A class
     * that fails this is left as it is, said once.
     */
    public boolean canRetransform(Class<?> loaded) {
        if (namesOfLoaded(loaded) != null || ownClassFile(loaded) != null) {
            return true;
        }
        if (reported.size() >= REMEMBERED_NAMES || reported.add(loaded.getName())) {
            Log.error(loaded.getName() + " runs untimed: its parameter names (javac -parameters) would be lost if it"
                    + " were retransformed on Java " + Runtime.version().feature() + " (JDK-8240908), and neither"
                    + " reflection nor its class file can tell them; start sonde with -javaagent, or run on Java 19+");
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
            DeclaredNames names = namesOfLoaded(classBeingRedefined);
            if (names == null) {
                names = namesInClassFile(ownClassFile(classBeingRedefined));
            }
            return names == null || names.parameters.isEmpty() ? null
                    : restore(classfileBuffer, names, classBeingRedefined.getName());
        } catch (Throwable t) {
            Log.error("could not restore the parameter names of " + classBeingRedefined.getName(), t);
            return null;
        }
    }

    private static byte[] restore(byte[] redefined, DeclaredNames names, String className) {
        ClassReader reader = OpenedClassReader.of(redefined);
        ClassWriter writer = new ClassWriter(reader, 0);
        ParameterWriter restoring = new ParameterWriter(writer, names.parameters);
        reader.accept(restoring, 0);
        if (!restoring.methods.containsAll(names.methods)) {
            Log.error("could not restore the parameter names of " + className + ": its class file on the class path"
                    + " declares methods that the loaded class lacks");
            return null;
        }
        return writer.toByteArray();
    }

    /**
     * Each method's {@code MethodParameters} as the loaded class has them now, read by reflection;
     * null when reflection cannot list its methods.
     */
    private static DeclaredNames namesOfLoaded(Class<?> loaded) {
        try {
            DeclaredNames names = new DeclaredNames();
            for (Method method : loaded.getDeclaredMethods()) {
                names.add(method.getName() + Type.getMethodDescriptor(method), method);
            }
            for (Constructor<?> constructor : loaded.getDeclaredConstructors()) {
                names.add("<init>" + Type.getConstructorDescriptor(constructor), constructor);
            }
            return names;
        } catch (Throwable unreadable) {
            // A signature naming a missing class (NoClassDefFoundError), or a malformed attribute.
            return null;
        }
    }

    private static DeclaredNames namesInClassFile(byte[] classFile) {
        if (classFile == null || !mentionsAttribute(classFile)) {
            return null;
        }
        DeclaredNames names = new DeclaredNames();
        OpenedClassReader.of(classFile).accept(new ParameterCollector(names), ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return names;
    }

    /**
     * The class file that {@code loaded} was defined from, as its loader serves it, or null. A file
     * the loader finds elsewhere than the class's code source (a parent's version of the class,
     * found first by a child-first loader's resource lookup) is not it.
     */
    private static byte[] ownClassFile(Class<?> loaded) {
        ClassLoader loader = loaded.getClassLoader();
        if (loader == null) {
            return null;
        }
        try {
            URL file = loader.getResource(loaded.getName().replace('.', '/') + ".class");
            if (file == null || !fromCodeSource(file, loaded)) {
                return null;
            }
            try (InputStream in = file.openStream()) {
                return in.readAllBytes();
            }
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /** Whether {@code file} lies in the class's code source: a jar's entry, or a directory's file. */
    private static boolean fromCodeSource(URL file, Class<?> loaded) {
        CodeSource source = loaded.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            // Nothing to compare with: the file its loader serves is all there is to go by.
            return true;
        }
        String location = withoutJarScheme(source.getLocation().toString());
        String found = withoutJarScheme(file.toString());
        return found.startsWith(location.endsWith("/") ? location : location + "!/");
    }

    private static String withoutJarScheme(String url) {
        return url.startsWith("jar:") ? url.substring("jar:".length()) : url;
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

    /**
     * What the class declares: each method by its name and descriptor, and the {@code MethodParameters}
     * of those that have the attribute.
     */
    private static final class DeclaredNames {
        final Set<String> methods = new HashSet<>();
        final Map<String, List<NamedParameter>> parameters = new LinkedHashMap<>();

        void add(String key, Executable executable) {
            methods.add(key);
            Parameter[] declared = executable.getParameters();
            if (Arrays.stream(declared).noneMatch(Parameter::isNamePresent)) {
                return;
            }
            List<NamedParameter> named = new ArrayList<>();
            for (Parameter parameter : declared) {
                named.add(new NamedParameter(parameter.isNamePresent() ? parameter.getName() : null,
                        parameter.getModifiers()));
            }
            parameters.put(key, named);
        }
    }

    /** Reads every method's key (name and descriptor) and its {@code MethodParameters}, if any. */
    private static final class ParameterCollector extends ClassVisitor {
        private final DeclaredNames names;

        ParameterCollector(DeclaredNames names) {
            super(OpenedClassReader.ASM_API);
            this.names = names;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            String key = name + descriptor;
            names.methods.add(key);
            return new MethodVisitor(OpenedClassReader.ASM_API) {
                @Override
                public void visitParameter(String parameterName, int parameterAccess) {
                    names.parameters.computeIfAbsent(key, any -> new ArrayList<>())
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
