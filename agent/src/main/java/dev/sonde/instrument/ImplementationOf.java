package dev.sonde.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;


/**
 * Concrete classes that implement a named interface (a servlet API type) and declare one of the
 * methods sonde advises on it, in any class loader the matcher is given. A class being loaded is
 * first asked the cheap question, from its own class file ({@link ClassFileOutline}): does it
 * declare one of those methods with a body? Advice is woven into declared methods only, so a class
 * that does not would come out of the transformation unchanged; almost every class stops there.
 * The few that do are described from their class files and their supertypes walked by name
 * ({@link SupertypeNames}). A class already loaded, which {@code attach} checks by the thousand, is
 * checked on the {@link Class} itself by walking its supertypes' names: no generic signatures are
 * parsed and no class is loaded, which makes attaching to a large application markedly cheaper.
 */
final class ImplementationOf implements AgentBuilder.RawMatcher {

    private final String interfaceName;
    /** The methods advised on implementations; a class that declares none of them is never changed. */
    private final String[] advisedMethods;
    private final SupertypeNames supertypes;

    /** @param supertypes shared by the matchers that see the same classes, so each class is walked once */
    ImplementationOf(String interfaceName, SupertypeNames supertypes, String... advisedMethods) {
        this.interfaceName = interfaceName;
        this.advisedMethods = advisedMethods;
        this.supertypes = supertypes;
    }

    /**
     * One for every interface matched on loading classes (servlet, filter, async context, statement,
     * connection, data source): each class is asked about all of them in a row, and its supertypes
     * are walked once for all, not once per kind of server or driver.
     */
    private static final SupertypeNames LOADING_CLASSES = new SupertypeNames();

    /**
     * Concrete implementations of {@code interfaceName}. A class already loaded is looked for only
     * in loaders that can see the interface, so that {@code attach}, which asks about every loaded
     * class, skips the others at the cost of one look-up per loader (the servlet APIs,
     * {@code java.sql}). A class being loaded is not asked that: it has passed its class file's
     * outline already, and a look-up of an interface that a loader does not have searches every jar
     * of its class path (the JDBC and servlet interfaces of both APIs, at each of a Spring Boot
     * application's start).
     */
    static AgentBuilder.RawMatcher inLoadersThatSee(String interfaceName, String... advisedMethods) {
        ElementMatcher<ClassLoader> visible = canSee(interfaceName);
        AgentBuilder.RawMatcher implementing = new ImplementationOf(interfaceName, LOADING_CLASSES, advisedMethods);
        return (description, loader, module, redefined, domain) -> (redefined == null || visible.matches(loader))
                && implementing.matches(description, loader, module, redefined, domain);
    }

    /** Class loaders that can load {@code className}; answers are remembered per loader. */
    private static ElementMatcher<ClassLoader> canSee(String className) {
        String resource = className.replace('.', '/') + ".class";
        Map<ClassLoader, Boolean> answers = Collections.synchronizedMap(new WeakHashMap<>());
        return loader -> loader != null
                && answers.computeIfAbsent(loader, l -> l.getResource(resource) != null);
    }

    @Override
    public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> classBeingRedefined,
                           ProtectionDomain domain) {
        if (classBeingRedefined == null) {
            ClassFileOutline outline = ClassBeingLoaded.outlineOf(type.getName());
            if (outline != null && !outline.mayTakeAdviceOn(advisedMethods)) {
                return false;
            }
            return !type.isInterface() && supertypes.of(type).contains(interfaceName);
        }
        return !classBeingRedefined.isInterface() && implementsByName(classBeingRedefined, interfaceName);
    }

    static boolean implementsByName(Class<?> type, String name) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (current.getName().equals(name)) {
                return true;
            }
            for (Class<?> implemented : current.getInterfaces()) {
                if (implementsByName(implemented, name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
