package dev.sonde.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Type descriptions parsed from class files, shared between transformations for a short while.
 *
 * <p>Deciding whether a class being loaded is a servlet or a filter means walking its supertypes,
 * and Byte Buddy describes each from its class file. By default every transformation starts with an
 * empty cache, so while a framework starts, the same base classes ({@code Object}, its own abstract
 * filters...) are parsed again for each of thousands of classes: this was most of the start-up time
 * sonde added to the sample Spring Boot application. Here each class loader keeps the descriptions
 * it parsed.
 *
 * <p>Only types that were found are kept: a type missing from the class path stays lazily described
 * by its name, which is all Byte Buddy needs to time a method whose signature names it.
 *
 * <p>Bounded: a loader's cache is dropped when it reaches {@link #MAX_TYPES_PER_LOADER}, and all are
 * dropped every {@link #KEEP_SECONDS} seconds. The second also matters because a description holds
 * on to its class loader: a loader the application discards is released at the next clearing.
 */
final class RecentTypes extends AgentBuilder.PoolStrategy.WithTypePoolCache {

    static final int MAX_TYPES_PER_LOADER = 5_000;
    static final long KEEP_SECONDS = 10;

    private final Map<ClassLoader, TypePool.CacheProvider> byLoader = new WeakHashMap<>();
    private TypePool.CacheProvider bootstrap = new Bounded();
    private long clearedAt = System.nanoTime();

    RecentTypes() {
        super(TypePool.Default.ReaderMode.FAST);
    }

    @Override
    protected synchronized TypePool.CacheProvider locate(ClassLoader loader) {
        long now = System.nanoTime();
        if (now - clearedAt > TimeUnit.SECONDS.toNanos(KEEP_SECONDS)) {
            byLoader.clear();
            bootstrap = new Bounded();
            clearedAt = now;
        }
        return loader == null ? bootstrap : byLoader.computeIfAbsent(loader, any -> new Bounded());
    }

    /** A cache that starts over when full. */
    static final class Bounded implements TypePool.CacheProvider {

        private final ConcurrentMap<String, TypePool.Resolution> resolutions = new ConcurrentHashMap<>();

        @Override
        public TypePool.Resolution find(String name) {
            return resolutions.get(name);
        }

        @Override
        public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
            if (!resolution.isResolved()) {
                // A missing type (an optional library the application does not ship) is not
                // remembered: the pool would hand the failed resolution to every later lookup, and
                // a method whose signature merely names the type could no longer be described by
                // that name, so its whole class would run untimed. Looked for again instead.
                return resolution;
            }
            if (resolutions.size() >= MAX_TYPES_PER_LOADER) {
                resolutions.clear();
            }
            TypePool.Resolution earlier = resolutions.putIfAbsent(name, resolution);
            return earlier == null ? resolution : earlier;
        }

        @Override
        public void clear() {
            resolutions.clear();
        }

        int size() {
            return resolutions.size();
        }
    }
}
