package dev.sonde.instrument;

import dev.sonde.config.Config;
import dev.sonde.config.MethodPattern;

import java.util.List;

/**
 * The classes being loaded that a configuration may transform, told from the name, the loader and
 * the class file alone, without Byte Buddy: what {@link TransformerGate} asks while the real
 * transformer is being built. The answer errs on the side of yes: every class the transformer would
 * change is a candidate (an include that selects types by annotation or supertype makes every
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
        if (includesBeyondNames || includes.stream().anyMatch(include -> include.matchesTypeName(name))) {
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
}
