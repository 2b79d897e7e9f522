package dev.sonde.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.function.UnaryOperator;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * HTTP requests as operations ({@code http=on}, the default): servlet filters and servlets of
 * {@code javax.servlet} and {@code jakarta.servlet} (Tomcat, Jetty, Undertow, Spring MVC), servlet
 * async completion, Spring WebFlux exchanges and JDK {@code HttpServer} exchanges. Each server type is matched only in class
 * loaders that can see its API, so other loaders pay nothing for the supertype checks.
 */
final class HttpInstrumentation {

    /** A JDK class, loaded by the bootstrap loader: the one such class sonde transforms. */
    static final String JDK_FILTER_CHAIN = "com.sun.net.httpserver.Filter$Chain";

    /** The one class every Spring WebFlux request passes through once, matched by its exact name. */
    static final String WEBFLUX_HANDLER = "org.springframework.web.server.handler.ExceptionHandlingWebHandler";

    /** The servlet methods advised; a class being loaded that declares none of them is never changed. */
    private static final String SERVICE = "service";
    private static final String DO_FILTER = "doFilter";
    private static final String COMPLETE = "complete";
    private static final String[] SERVLET_METHODS = {SERVICE, DO_FILTER, COMPLETE};

    private HttpInstrumentation() {
    }

    /** Whether a class being loaded may get HTTP advice, from its name and its own class file. */
    static boolean mayTransform(String typeName, ClassFileOutline outline) {
        return WEBFLUX_HANDLER.equals(typeName) || JDK_FILTER_CHAIN.equals(typeName)
                || outline.mayTakeAdviceOn(SERVLET_METHODS);
    }

    /**
     * @param retransformable narrows a selection to the classes that may be retransformed (see
     *                        {@link MethodParametersRestorer})
     */
    static AgentBuilder addTo(AgentBuilder builder, UnaryOperator<AgentBuilder.RawMatcher> retransformable) {
        // One parse of each advice class serves both APIs and every advised method.
        ServletAdvice advice = new ServletAdvice();
        AgentBuilder withServlets = servlet(servlet(builder, "javax.servlet", advice, retransformable),
                "jakarta.servlet", advice, retransformable);
        // The JDK server runs every exchange through Filter.Chain#doFilter, filters and handler
        // alike; timing there also covers handlers written as lambdas (hidden classes, which no
        // transformer ever sees).
        return withServlets
                .type(retransformable.apply(new AgentBuilder.RawMatcher.ForElementMatchers(named(WEBFLUX_HANDLER))))
                .transform(visit(WebFluxRequestAdvice.class, named("handle").and(takesArguments(1))
                        .and(takesArgument(0, named("org.springframework.web.server.ServerWebExchange")))))
                .type(named(JDK_FILTER_CHAIN))
                .transform(visit(JdkHttpServerAdvice.class, named("doFilter").and(takesArguments(1))
                        .and(takesArgument(0, named("com.sun.net.httpserver.HttpExchange")))));
    }

    private static AgentBuilder servlet(AgentBuilder builder, String api, ServletAdvice advice,
                                        UnaryOperator<AgentBuilder.RawMatcher> retransformable) {
        return builder
                .type(retransformable.apply(ImplementationOf.inLoadersThatSee(api + ".Servlet", SERVICE)))
                .transform(ClassFileAdvice.visit(advice.request, requestMethod(SERVICE, 2, api)))
                .type(retransformable.apply(ImplementationOf.inLoadersThatSee(api + ".Filter", DO_FILTER)))
                .transform(ClassFileAdvice.visit(advice.request, requestMethod(DO_FILTER, 3, api)))
                .type(retransformable.apply(ImplementationOf.inLoadersThatSee(api + ".AsyncContext", COMPLETE)))
                .transform(ClassFileAdvice.visit(advice.complete, named(COMPLETE).and(takesArguments(0))));
    }

    /** The servlet advice, the same for both APIs: it names none of their types. */
    private static final class ServletAdvice {
        final LazyAdvice request = ClassFileAdvice.of(ServletRequestAdvice.class, null, AdviceFailureHandler.HTTP);
        final LazyAdvice complete = ClassFileAdvice.of(ServletAsyncCompleteAdvice.class, null,
                AdviceFailureHandler.HTTP);
    }

    /** {@code service(ServletRequest, ServletResponse)}, {@code doFilter(ServletRequest, ServletResponse, FilterChain)}. */
    private static ElementMatcher.Junction<MethodDescription> requestMethod(String name, int arguments, String api) {
        return named(name).and(takesArguments(arguments))
                .and(takesArgument(0, named(api + ".ServletRequest")))
                .and(takesArgument(1, named(api + ".ServletResponse")))
                .and(not(isAbstract()));
    }

    /** Read as a class file ({@link ClassFileAdvice}) when the first class of a server is transformed. */
    private static AgentBuilder.Transformer visit(Class<?> advice, ElementMatcher<? super MethodDescription> methods) {
        return ClassFileAdvice.visit(advice, AdviceFailureHandler.HTTP, methods);
    }
}
