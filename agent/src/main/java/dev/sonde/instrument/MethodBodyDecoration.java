package dev.sonde.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.inline.MethodNameTransformer;
import net.bytebuddy.utility.JavaModule;

import java.security.ProtectionDomain;

/**
 * Byte Buddy's {@code DECORATE} type strategy, without looking up the types of the class's annotations.
 *
 * <p>Every sonde transformation only weaves advice into method bodies, so a class is decorated: read
 * and written once, its annotations copied from the class file as they are. Byte Buddy's decorating
 * builder still counts the class's annotations when it is made, so as to write only those added later
 * (sonde adds none), and counting them resolves each annotation's type: a class-file lookup in the
 * class's loader per annotation, repeated for every class when the type is missing (an optional
 * library's annotation). Behind Spring Boot's launcher a lookup searches the application's jars; on a
 * Spring Boot + JPA start these lookups were a fifth of the CPU time sonde's transformations took on
 * the application's threads, and made the JIT compile the launcher's lookup code besides.
 *
 * <p>The builder is handed the class described without its annotations, which adds none either way.
 * Patterns that select classes or methods by annotation are matched before, on the full description.
 */
enum MethodBodyDecoration implements AgentBuilder.TypeStrategy {

    INSTANCE;

    @Override
    public DynamicType.Builder<?> builder(TypeDescription type, ByteBuddy byteBuddy, ClassFileLocator classFileLocator,
                                          MethodNameTransformer methodNameTransformer, ClassLoader loader,
                                          JavaModule module, ProtectionDomain domain) {
        return byteBuddy.decorate(new AnnotationsUnread(type), classFileLocator);
    }

    /** The class as described, except that its own annotations are not read. */
    private static final class AnnotationsUnread extends TypeDescription.AbstractBase.OfSimpleType.WithDelegation {

        private final TypeDescription type;

        AnnotationsUnread(TypeDescription type) {
            this.type = type;
        }

        @Override
        protected TypeDescription delegate() {
            return type;
        }

        @Override
        public String getName() {
            return type.getName();
        }

        @Override
        public AnnotationList getDeclaredAnnotations() {
            return new AnnotationList.Empty();
        }
    }
}
