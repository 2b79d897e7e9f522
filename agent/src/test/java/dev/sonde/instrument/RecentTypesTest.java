package dev.sonde.instrument;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTypesTest {

    private final RecentTypes strategy = new RecentTypes();
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void aClassLoaderKeepsTheTypesItDescribedForTheNextTransformation() {
        TypePool first = strategy.typePool(ClassFileLocator.ForClassLoader.of(loader), loader);
        assertThat(first.describe(ArrayList.class.getName()).resolve().getSuperClass().asErasure().getName())
                .isEqualTo("java.util.AbstractList");

        RecentTypes.Bounded cache = (RecentTypes.Bounded) strategy.locate(loader);
        assertThat(cache.find(ArrayList.class.getName())).as("described once, found by the next pool").isNotNull();
        assertThat(strategy.locate(null)).as("the bootstrap loader has a cache of its own").isNotSameAs(cache);
    }

    @Test
    void aFullCacheStartsOver() {
        RecentTypes.Bounded cache = new RecentTypes.Bounded();
        TypePool.Resolution resolution = new TypePool.Resolution.Simple(
                net.bytebuddy.description.type.TypeDescription.ForLoadedType.of(Object.class));
        for (int i = 0; i < RecentTypes.MAX_TYPES_PER_LOADER; i++) {
            cache.register("T" + i, resolution);
        }
        assertThat(cache.size()).isEqualTo(RecentTypes.MAX_TYPES_PER_LOADER);
        cache.register("one.more", resolution);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.find("one.more")).isSameAs(resolution);
    }
}
