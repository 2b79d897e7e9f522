package dev.sonde.instrument;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Types sonde never transforms, whatever the patterns say: the JDK, sonde itself, and classes
 * generated at run time (lambdas, JDK and CGLIB proxies, Byte Buddy, Hibernate and Javassist types),
 * whose names change from run to run and whose methods only forward to the real ones.
 */
final class Exclusions {

    private static final String[] PACKAGES = {"java.", "javax.management.", "jdk.", "sun.", "com.sun.", "dev.sonde."};
    private static final String[] GENERATED_MARKERS = {
        "$$Lambda", "$Proxy", "$$EnhancerBy", "$$SpringCGLIB$$", "$$FastClassBy", "$ByteBuddy$",
        "$HibernateProxy$", "$$_javassist", "$$_jvst", "$MockitoMock$"
    };

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
        return false;
    }

    static ElementMatcher.Junction<TypeDescription> matcher() {
        return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
            @Override
            public boolean matches(TypeDescription type) {
                return type.isSynthetic() || isExcluded(type.getName());
            }
        };
    }
}
