package dev.sonde.instrument;

import java.util.regex.Pattern;

/**
 * Types sonde never transforms, whatever the patterns say: the JDK (by name, and everything the
 * bootstrap and platform class loaders define, see {@link IgnoredClasses}), sonde itself, and classes
 * generated at run time (lambdas, JDK and CGLIB proxies, Byte Buddy, Hibernate and Javassist types),
 * whose names change from run to run and whose methods only forward to the real ones.
 */
final class Exclusions {

    /**
     * JDK packages also served by the application class path are excluded by name too. Not all of
     * {@code com.sun.} or {@code javax.}: libraries live there ({@code com.sun.jersey},
     * {@code com.sun.mail}, {@code javax.servlet}), and the JDK's own classes there are defined by
     * the bootstrap or platform class loader, which {@link Instrumenter} ignores.
     */
    private static final String[] PACKAGES = {"java.", "jdk.", "sun.", "com.sun.proxy.", "dev.sonde."};
    private static final String[] GENERATED_MARKERS = {
        "$$Lambda", "$$EnhancerBy", "$$SpringCGLIB$$", "$$FastClassBy", "$ByteBuddy$",
        "$$_javassist", "$$_jvst", "$MockitoMock$",
        // Hibernate's access optimizers, after the entity and its properties: Pet$HibernateAccessOptimizer5id4name
        "$HibernateAccessOptimizer"
    };
    /**
     * Hibernate's classes, named after the entity: {@code Pet$HibernateProxy} in Hibernate 7 (and 6
     * without its legacy names), {@code Pet$HibernateProxy$Ab12Cd} before; these end the name or come
     * before a generated suffix.
     */
    private static final String[] HIBERNATE_SUFFIXES = {
        "$HibernateProxy", "$HibernateBasicProxy", "$HibernateInstantiator"
    };

    /**
     * JDK dynamic proxies: {@code $Proxy12}, in whatever package their interfaces need. Only with
     * the digits at the end: {@code Client$ProxySettings} is a hand-written class and is timed.
     */
    private static final Pattern JDK_PROXY = Pattern.compile("(^|.*[.$])\\$Proxy\\d+$");

    private Exclusions() {
    }

    static boolean isExcluded(String className) {
        for (String prefix : PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        for (String marker : GENERATED_MARKERS) {
            if (className.contains(marker)) {
                return true;
            }
        }
        if (className.contains("$Hibernate") && namedByHibernate(className)) {
            return true;
        }
        // The regular expression only for names that can be a proxy's (it runs on every class).
        return className.contains("$Proxy") && JDK_PROXY.matcher(className).matches();
    }

    /** Whether one of {@link #HIBERNATE_SUFFIXES} ends the name or comes before a further {@code $}. */
    private static boolean namedByHibernate(String className) {
        for (String suffix : HIBERNATE_SUFFIXES) {
            for (int at = className.indexOf(suffix); at > 0; at = className.indexOf(suffix, at + 1)) {
                int end = at + suffix.length();
                if (end == className.length() || className.charAt(end) == '$') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a pattern's type part ({@code java.util.*}) lies wholly in a package never instrumented. */
    static boolean coversOnlyExcludedPackages(String typePattern) {
        for (String prefix : PACKAGES) {
            if (typePattern.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
