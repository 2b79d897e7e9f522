package dev.sonde.instrument;

import dev.sonde.config.Config;
import dev.sonde.config.MethodPattern;

import java.util.List;

/**
 * The classes being loaded that a configuration may transform, told from the name, the loader and
 * the class file alone, without Byte Buddy. Asked for every class the JVM loads: by
 * {@link ClassBeingLoaded} before Byte Buddy's transformer (a class that is no candidate is never
 * handed to it), and by {@link TransformerGate} while that transformer is being built. So the
 * answer must err on the side of yes: every class a rule of {@link Instrumenter},
 * {@link HttpInstrumentation}, {@link JdbcInstrumentation} or {@link HttpClientInstrumentation}
 * would change is a candidate (an include that selects types by annotation or supertype makes every
 * application class one); a few candidates turn out to need nothing.
 */
public final class TransformCandidates {

    private final IgnoredClasses ignored;
    private final List<MethodPattern> includes;
    /** Whether some include cannot be told by the class name alone. */
    private final boolean includesBeyondNames;
    private final boolean http;
    private final boolean jdbc;
    private final boolean httpClient;

    public TransformCandidates(Config config) {
        this.ignored = new IgnoredClasses(config.httpClient());
        this.includes = config.includes();
        this.includesBeyondNames = includes.stream()
                .anyMatch(include -> include.typeSelection() != MethodPattern.TypeSelection.NAME);
        this.http = config.http();
        this.jdbc = config.jdbc();
        this.httpClient = config.httpClient();
    }

    /** @param internalName {@code com/acme/Shop$Order}, as the JVM hands it to transformers */
    boolean mayTransform(String internalName, ClassLoader loader, byte[] classFile) {
        String name = internalName.replace('/', '.');
        if (ignored.ignores(name, loader)) {
            return false;
        }
        if (includesBeyondNames || namedByAnInclude(name)) {
            return true;
        }
        if (httpClient && HttpClientInstrumentation.transformsByName(name)) {
            return true;
        }
        if (!http && !jdbc) {
            return false;
        }
        ClassFileOutline outline;
        try {
            outline = ClassFileOutline.read(classFile);
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
        return http && HttpInstrumentation.mayTransform(name, outline)
                || jdbc && JdbcInstrumentation.mayTransform(outline);
    }

    private boolean namedByAnInclude(String name) {
        for (MethodPattern include : includes) {
            if (include.matchesTypeName(name)) {
                return true;
            }
        }
        return false;
    }
}
