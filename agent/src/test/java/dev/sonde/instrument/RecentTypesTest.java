package dev.sonde.instrument;

import com.acme.optionalapp.OptionalFeatures;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static net.bytebuddy.matcher.ElementMatchers.named;
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

    @Test
    void aMethodNamingAMissingTypeIsStillDescribedByThatNameAfterTheTypeWasLookedFor() {
        TypePool pool = strategy.typePool(withoutOptionalLibrary(), loader);
        assertThat(pool.describe("com.acme.optional.OptionalThing").isResolved()).isFalse();

        MethodDescription useOptional = pool.describe(OptionalFeatures.class.getName()).resolve()
                .getDeclaredMethods().filter(named("useOptional")).getOnly();
        assertThat(useOptional.getParameters().get(0).getType().asErasure().getDescriptor())
                .isEqualTo("Lcom/acme/optional/OptionalThing;");
        assertThat(((RecentTypes.Bounded) strategy.locate(loader)).find("com.acme.optional.OptionalThing")).isNull();
    }

    /** The test class path as an application sees it that does not ship its optional library. */
    private ClassFileLocator withoutOptionalLibrary() {
        ClassFileLocator all = ClassFileLocator.ForClassLoader.of(loader);
        return new ClassFileLocator() {
            @Override
            public Resolution locate(String name) throws java.io.IOException {
                return name.startsWith("com.acme.optional.") ? new Resolution.Illegal(name) : all.locate(name);
            }

            @Override
            public void close() throws java.io.IOException {
                all.close();
            }
        };
    }
}
