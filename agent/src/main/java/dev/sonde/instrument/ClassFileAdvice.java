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
 * clients names their types (servlet API, Apache HttpClient, OkHttp, Reactor), which sonde's own
 * class loader cannot see; reflection on such a class would fail, while the inlined body resolves
 * in the application's loader, where those types are. Read when the first class that needs it is
 * transformed: most applications have one server API and few client libraries, if any.
 */
final class ClassFileAdvice {

    private ClassFileAdvice() {
    }

    /** A transformer that inlines {@code advice} into {@code methods} of each type it is given. */
    static AgentBuilder.Transformer visit(Class<?> advice, AdviceFailureHandler failures,
                                          ElementMatcher<? super MethodDescription> methods) {
        return visit(advice, advice, failures, methods);
    }

    /** The same, with the entry advice of one class and the exit advice of another (sharing locals by name). */
    static AgentBuilder.Transformer visit(Class<?> enter, Class<?> exit, AdviceFailureHandler failures,
                                          ElementMatcher<? super MethodDescription> methods) {
        return visit(of(enter, exit, null, failures), methods);
    }

    /** A transformer that inlines advice built once and shared with other transformers. */
    static AgentBuilder.Transformer visit(LazyAdvice inlined, ElementMatcher<? super MethodDescription> methods) {
        return (builder, type, loader, module, domain) -> builder.visit(inlined.get().on(methods));
    }

    /** @param binding the operation id bound into the advice, or null if it takes none */
    static LazyAdvice of(Class<?> advice, OperationIdBinding binding, AdviceFailureHandler failures) {
        return of(advice, advice, binding, failures);
    }

    private static LazyAdvice of(Class<?> enter, Class<?> exit, OperationIdBinding binding,
                                 AdviceFailureHandler failures) {
        return new LazyAdvice(() -> {
            ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(ClassFileAdvice.class.getClassLoader());
            TypePool pool = TypePool.Default.of(locator);
            TypeDescription enterType = pool.describe(enter.getName()).resolve();
            Advice.WithCustomMapping mapping = Advice.withCustomMapping();
            if (binding != null) {
                mapping = mapping.bind(OperationId.class, binding);
            }
            Advice advice = enter == exit ? mapping.to(enterType, locator)
                    : mapping.to(enterType, pool.describe(exit.getName()).resolve(), locator);
            return advice.withExceptionHandler(failures);
        });
    }
}
