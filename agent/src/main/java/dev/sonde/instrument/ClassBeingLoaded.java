package dev.sonde.instrument;

import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;

/**
 * The class file the current thread is transforming, so that matchers can ask its
 * {@link ClassFileOutline} (Byte Buddy hands them a type description, not the bytes). Set around
 * every call of sonde's transformer by {@link #aroundTransform}; a nested transformation (a class
 * loaded while another is transformed) puts back the outer class file when it ends.
 *
 * <p>Only classes being loaded are outlined: a class being retransformed is matched on its
 * {@link Class}, which is cheaper still.
 */
final class ClassBeingLoaded {

    private static final ThreadLocal<ClassBeingLoaded> CURRENT = new ThreadLocal<>();

    /** The JVM's internal form, {@code com/acme/Shop$Order}. */
    private final String internalName;
    private final byte[] classFile;
    private ClassFileOutline outline;
    private boolean unreadable;

    private ClassBeingLoaded(String internalName, byte[] classFile) {
        this.internalName = internalName;
        this.classFile = classFile;
    }

    /**
     * The outline of {@code typeName} ({@code com.acme.Shop$Order}) if it is the class this thread is
     * loading and its class file could be read; null otherwise (the caller then decides without it).
     */
    static ClassFileOutline outlineOf(String typeName) {
        ClassBeingLoaded current = CURRENT.get();
        if (current == null || !current.is(typeName)) {
            return null;
        }
        return current.outline();
    }

    private boolean is(String typeName) {
        if (typeName.length() != internalName.length()) {
            return false;
        }
        for (int i = 0; i < typeName.length(); i++) {
            char expected = internalName.charAt(i);
            if (typeName.charAt(i) != (expected == '/' ? '.' : expected)) {
                return false;
            }
        }
        return true;
    }

    /** Read once, when the first matcher asks: classes in loaders no matcher looks at are never read. */
    private ClassFileOutline outline() {
        if (outline == null && !unreadable) {
            try {
                outline = ClassFileOutline.read(classFile);
            } catch (IllegalArgumentException malformed) {
                // The JVM will reject it itself, or it is a format this reader does not know: the
                // matchers decide on the full description, as they would without the outline.
                unreadable = true;
            }
        }
        return outline;
    }

    /**
     * Publishes the class file to the matchers while Byte Buddy's transformer runs, and hands Byte
     * Buddy no class being loaded that the configuration cannot select ({@link TransformCandidates}:
     * the JDK's, sonde's and generated classes, and every class that no pattern names and that
     * declares no servlet, filter or JDBC method). Byte Buddy's pipeline for a class it only looks
     * at (a type pool, a class file locator, a lazy description, its matchers) ran for each of the
     * thousands of classes a framework loads at start, and became hot enough to be compiled by C2:
     * most of the CPU time sonde added to a Spring Boot start. Written by hand rather than with
     * Byte Buddy's callback decorator, which generates a class at run time (tens of milliseconds
     * before {@code main}) to reach the module-aware {@code transform}.
     */
    static ResettableClassFileTransformer aroundTransform(ResettableClassFileTransformer transformer,
                                                          TransformCandidates candidates) {
        return new Publishing(transformer, candidates);
    }

    /** Whether the class being loaded is one Byte Buddy would leave as it is (retransformations always go through). */
    private static boolean passedOverAtLoad(TransformCandidates candidates, ClassLoader loader, String internalName,
                                            Class<?> classBeingRedefined, byte[] classFile) {
        return classBeingRedefined == null && internalName != null && classFile != null
                && !candidates.mayTransform(internalName, loader, classFile);
    }

    private static ClassBeingLoaded enter(String internalName, Class<?> classBeingRedefined, byte[] classFile) {
        ClassBeingLoaded outer = CURRENT.get();
        boolean loading = classBeingRedefined == null && internalName != null && classFile != null;
        CURRENT.set(loading ? new ClassBeingLoaded(internalName, classFile) : null);
        return outer;
    }

    private static void leave(ClassBeingLoaded outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    private static final class Publishing extends ResettableClassFileTransformer.WithDelegation {

        private final TransformCandidates candidates;

        Publishing(ResettableClassFileTransformer transformer, TransformCandidates candidates) {
            super(transformer);
            this.candidates = candidates;
        }

        @Override
        public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                                ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
            if (passedOverAtLoad(candidates, loader, internalName, classBeingRedefined, classFile)) {
                return null;
            }
            ClassBeingLoaded outer = enter(internalName, classBeingRedefined, classFile);
            try {
                return classFileTransformer.transform(loader, internalName, classBeingRedefined, domain, classFile);
            } finally {
                leave(outer);
            }
        }

        @Override
        public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                                ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
            if (passedOverAtLoad(candidates, loader, internalName, classBeingRedefined, classFile)) {
                return null;
            }
            ClassBeingLoaded outer = enter(internalName, classBeingRedefined, classFile);
            try {
                return classFileTransformer.transform(module, loader, internalName, classBeingRedefined, domain,
                        classFile);
            } finally {
                leave(outer);
            }
        }
    }
}
