package dev.sonde.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Advice read as a class file, never loaded as a class: the advice of servers, drivers and HTTP
 * clients names their types (servlet API, Apache HttpClient, OkHttp), which sonde's own class
 * loader cannot see; reflection on such a class would fail, while the inlined body resolves in the
 * application's loader, where those types are. Read when the first class that needs it is
 * transformed: most applications have one server API and few client libraries, if any.
 */
final class ClassFileAdvice {

    private ClassFileAdvice() {
    }

    /** A transformer that inlines {@code advice} into {@code methods} of each type it is given. */
    static AgentBuilder.Transformer visit(Class<?> advice, AdviceFailureHandler failures,
                                          ElementMatcher<? super MethodDescription> methods) {
        LazyAdvice inlined = of(advice, null, failures);
        return (builder, type, loader, module, domain) -> builder.visit(inlined.get().on(methods));
    }

    /** @param binding the operation id bound into the advice, or null if it takes none */
    static LazyAdvice of(Class<?> advice, OperationIdBinding binding, AdviceFailureHandler failures) {
        return new LazyAdvice(() -> {
            ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(ClassFileAdvice.class.getClassLoader());
            TypeDescription description = TypePool.Default.of(locator).describe(advice.getName()).resolve();
            Advice.WithCustomMapping mapping = Advice.withCustomMapping();
            if (binding != null) {
                mapping = mapping.bind(OperationId.class, binding);
            }
            return mapping.to(description, locator).withExceptionHandler(failures);
        });
    }
}
