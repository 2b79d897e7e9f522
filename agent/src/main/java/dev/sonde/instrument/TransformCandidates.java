package dev.sonde.instrument;

import dev.sonde.config.Config;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes being loaded that a configuration may transform, told from the name, the loader and
 * the class file alone, without Byte Buddy. Asked for every class the JVM loads: by
 * {@link ClassBeingLoaded} before Byte Buddy's transformer (a class that is no candidate is never
 * handed to it), and by {@link TransformerGate} while that transformer is being built. So the
 * answer must err on the side of yes: every class a rule of {@link Instrumenter},
 * {@link HttpInstrumentation}, {@link JdbcInstrumentation} or {@link HttpClientInstrumentation}
 * would change is a candidate (includes by annotation and by supertype are decided from class files,
 * {@link IncludeFilter}; one by an {@code @Inherited} annotation makes every class of the loaders
 * that see the annotation a candidate); a few candidates turn out to need nothing. A class that
 * declares no code (an interface of abstract methods, an annotation type) is never one: there is
 * no method body to weave advice into, and handing it to Byte Buddy would only read and write it
 * again.
 */
public final class TransformCandidates {

    private final IgnoredClasses ignored;
    private final List<IncludeFilter> includes = new ArrayList<>();
    private final boolean http;
    private final boolean jdbc;
    private final boolean httpClient;

    public TransformCandidates(Config config) {
        this.ignored = new IgnoredClasses(config.httpClient());
        config.includes().forEach(include -> includes.add(new IncludeFilter(include)));
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
        boolean clientByName = httpClient && HttpClientInstrumentation.transformsByName(name);
        boolean mayBeIncluded = anyIncludeMayNameSelect(name);
        if (!clientByName && !mayBeIncluded && !http && !jdbc) {
            return false;
        }
        ClassFileOutline outline;
        try {
            outline = ClassFileOutline.read(classFile);
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
        // Every rule weaves advice into method bodies: a class without code is left as it is.
        if (!outline.declaresCode()) {
            return false;
        }
        return clientByName
                || mayBeIncluded && anyIncludeMaySelect(name, loader, outline)
                || http && HttpInstrumentation.mayTransform(name, outline)
                || jdbc && JdbcInstrumentation.mayTransform(outline);
    }

    private boolean anyIncludeMayNameSelect(String name) {
        for (IncludeFilter include : includes) {
            if (include.mayNameSelect(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyIncludeMaySelect(String name, ClassLoader loader, ClassFileOutline outline) {
        for (IncludeFilter include : includes) {
            if (include.maySelect(name, loader, outline)) {
                return true;
            }
        }
        return false;
    }
}
