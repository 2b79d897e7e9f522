package dev.sonde.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

import java.util.function.Predicate;

/**
 * Describes a loaded class from its class file, not by reflection, when a pattern may select it by
 * an annotation. Reflection reads an annotation whole, and reading a value that names an enum
 * constant ({@code @Policy(Level.HIGH)}) initialises that enum: when sonde is attached, the enum's
 * static initialiser would run on the JVM's attach thread, at a moment the application did not
 * choose, and an initialiser that fails then (a setting not read yet) leaves the enum unusable for
 * the JVM's life. The class file gives the annotations' type names without running anything.
 *
 * <p>Every other class, the JDK's own, and one whose class file its loader does not serve, are
 * described as Byte Buddy's default strategy does: a class being loaded from its bytes, a loaded
 * one by reflection.
 */
final class AnnotationsFromClassFiles implements AgentBuilder.DescriptionStrategy {

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final Predicate<String> mayMatchByAnnotation;

    AnnotationsFromClassFiles(Predicate<String> mayMatchByAnnotation) {
        this.mayMatchByAnnotation = mayMatchByAnnotation;
    }

    @Override
    public boolean isLoadedFirst() {
        return Default.HYBRID.isLoadedFirst();
    }

    @Override
    public TypeDescription apply(String name, Class<?> type, TypePool typePool,
                                 AgentBuilder.CircularityLock circularityLock, ClassLoader loader, JavaModule module) {
        if (type != null && isApplications(loader) && mayMatchByAnnotation.test(name)) {
            TypePool.Resolution fromClassFile = typePool.describe(name);
            if (fromClassFile.isResolved()) {
                return fromClassFile.resolve();
            }
        }
        return Default.HYBRID.apply(name, type, typePool, circularityLock, loader, module);
    }

    /**
     * The JDK's own classes are left to reflection: an enum they name initialises as the JDK
     * intends, and reading their class files (hundreds are loaded before {@code premain}) would cost
     * every start with a class-annotation include.
     */
    private static boolean isApplications(ClassLoader loader) {
        return loader != null && loader != PLATFORM;
    }
}
