package dev.sonde.instrument;

import dev.sonde.bootstrap.Log;
import dev.sonde.config.MethodPattern;
import net.bytebuddy.description.type.TypeDescription;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classes that load classes: class loaders, URL stream handlers and connections, and jar files.
 * Their methods run for every class and resource the JVM loads (Spring Boot's launcher opens a
 * connection per nested-jar lookup, 1.5 million times during one start), so a pattern that selects
 * them by a wildcard ({@code org.springframework.**}) would time the class loading of the whole
 * application and slow its start several times over. They are timed only when an include names
 * their class exactly, or selects it as a subtype or by an annotation; a wildcard pattern that
 * reaches one is told so once.
 */
final class ClassLoadingMachinery {

    private static final List<String> BASE_TYPES = List.of("java.lang.ClassLoader", "java.net.URLStreamHandler",
            "java.net.URLConnection", "java.util.zip.ZipFile");

    private final SupertypeNames supertypes = new SupertypeNames();
    private final Set<String> toldAbout = ConcurrentHashMap.newKeySet();

    /** Whether {@code type} is class-loading machinery that {@code selecting} may not time. */
    boolean keepsUntimed(TypeDescription type, List<MethodPattern> selecting) {
        for (MethodPattern pattern : selecting) {
            if (pattern.typeSelection() != MethodPattern.TypeSelection.NAME || pattern.namesExactType()) {
                return false;
            }
        }
        Set<String> names = supertypes.of(type);
        for (String base : BASE_TYPES) {
            if (names.contains(base)) {
                tell(type, selecting);
                return true;
            }
        }
        return false;
    }

    private void tell(TypeDescription type, List<MethodPattern> selecting) {
        for (MethodPattern pattern : selecting) {
            if (toldAbout.add(pattern.toString())) {
                Log.info("include " + pattern + " reaches class loading (" + type.getName() + " and the like):"
                        + " class loaders, URL handlers, URL connections and jar files are not timed unless an"
                        + " include names their class exactly");
            }
        }
    }
}
