package dev.sonde.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Outbound HTTP calls as operations ({@code http.client=on}, the default), at the one point of each
 * client library that sees the method, the URL and the status of every call: the JDK's
 * {@code HttpClient} and {@code HttpURLConnection}, Apache HttpClient 4 and 5 (classic), OkHttp 3
 * to 5, and Spring's {@code WebClient} on Reactor Netty (its connector). Spring's
 * {@code RestTemplate} and {@code RestClient}, and {@code WebClient} on the JDK's client, run on
 * one of these and are recorded there. The classes are matched by their exact names, never by walking the supertypes of every
 * class loaded; a library the application does not have is simply never matched, so its types are
 * never resolved.
 *
 * <p>A call is counted once: the thread's claim (see {@code Sink#enterClient}) leaves uncounted a
 * client call made inside another (the JDK's {@code send} running on its {@code sendAsync}).
 */
final class HttpClientInstrumentation {

    /** The JDK's {@code HttpClient} implementation (module java.net.http, platform class loader). */
    static final String JDK_HTTP_CLIENT = "jdk.internal.net.http.HttpClientImpl";
    /** The JDK's {@code http:} and {@code https:} URL connection (java.base, bootstrap class loader). */
    static final String JDK_URL_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

    private static final String[] APACHE_5 = {
        "org.apache.hc.client5.http.impl.classic.InternalHttpClient",
        "org.apache.hc.client5.http.impl.classic.MinimalHttpClient"};
    private static final String[] APACHE_4 = {
        "org.apache.http.impl.client.InternalHttpClient",
        "org.apache.http.impl.client.MinimalHttpClient",
        "org.apache.http.impl.client.AbstractHttpClient"};
    private static final String[] OKHTTP = {"okhttp3.internal.connection.RealCall", "okhttp3.RealCall"};
    private static final String REACTOR_NETTY_CONNECTOR = "org.springframework.http.client.reactive.ReactorClientHttpConnector";

    /** Every class transformed here, asked for each class the JVM loads. */
    private static final Set<String> TRANSFORMED = Stream.of(new String[] {JDK_HTTP_CLIENT, JDK_URL_CONNECTION,
        REACTOR_NETTY_CONNECTOR}, APACHE_5, APACHE_4, OKHTTP).flatMap(Arrays::stream).collect(Collectors.toSet());

    private HttpClientInstrumentation() {
    }

    /** The JDK classes this transforms, which every other rule leaves alone. */
    static ElementMatcher.Junction<TypeDescription> jdkClasses() {
        return namedOneOf(JDK_HTTP_CLIENT, JDK_URL_CONNECTION);
    }

    /** Whether {@code typeName} is one of {@link #jdkClasses()}, asked by name alone. */
    static boolean isJdkClient(String typeName) {
        return JDK_HTTP_CLIENT.equals(typeName) || JDK_URL_CONNECTION.equals(typeName);
    }

    /** Whether a class of this name is one this transforms (every client is matched by its exact name). */
    static boolean transformsByName(String typeName) {
        return TRANSFORMED.contains(typeName);
    }

    static AgentBuilder addTo(AgentBuilder builder, UnaryOperator<AgentBuilder.RawMatcher> retransformable) {
        ElementMatcher.Junction<MethodDescription> send = named("send").and(takesArguments(2))
                .or(named("sendAsync").and(takesArguments(2).or(takesArguments(3))));
        return builder
                .type(retransformable.apply(exactly(JDK_HTTP_CLIENT)))
                .transform(call(JdkHttpClientAdvice.class, send.and(takesArgument(0, named("java.net.http.HttpRequest")))
                        .and(not(isAbstract()))))
                .type(retransformable.apply(exactly(JDK_URL_CONNECTION)))
                .transform(visit(HttpUrlConnectionConnectAdvice.class, named("connect").and(takesArguments(0))))
                .transform(visit(HttpUrlConnectionResponseAdvice.class, named("getInputStream").and(takesArguments(0))))
                .type(retransformable.apply(exactly(APACHE_5)))
                .transform(call(Apache5ClientAdvice.class, doExecute("org.apache.hc.core5.http.HttpHost")))
                .type(retransformable.apply(exactly(APACHE_4)))
                .transform(call(Apache4ClientAdvice.class, doExecute("org.apache.http.HttpHost")))
                .type(retransformable.apply(exactly(OKHTTP)))
                .transform(call(OkHttpClientAdvice.class, nameStartsWith("getResponseWithInterceptorChain")
                        .and(takesArguments(0)).and(not(isAbstract()))))
                .type(retransformable.apply(exactly(REACTOR_NETTY_CONNECTOR)))
                .transform(call(ReactorNettyClientAdvice.class, named("connect").and(takesArguments(3))
                        .and(takesArgument(1, java.net.URI.class))));
    }

    private static AgentBuilder.RawMatcher exactly(String... names) {
        return new AgentBuilder.RawMatcher.ForElementMatchers(namedOneOf(names));
    }

    /** {@code doExecute(HttpHost, request, HttpContext)}: the one method every {@code execute} runs. */
    private static ElementMatcher.Junction<MethodDescription> doExecute(String hostType) {
        return named("doExecute").and(takesArguments(3)).and(takesArgument(0, named(hostType)))
                .and(not(isAbstract()));
    }

    /** A client call: {@link ClientCallEnterAdvice} on entry, the client's own {@code exit} advice on exit. */
    private static AgentBuilder.Transformer call(Class<?> exit, ElementMatcher<? super MethodDescription> methods) {
        return ClassFileAdvice.visit(ClientCallEnterAdvice.class, exit, AdviceFailureHandler.HTTP_CLIENT, methods);
    }

    /** The advice names the clients' types: it is read as a class file ({@link ClassFileAdvice}). */
    private static AgentBuilder.Transformer visit(Class<?> advice, ElementMatcher<? super MethodDescription> methods) {
        return ClassFileAdvice.visit(advice, AdviceFailureHandler.HTTP_CLIENT, methods);
    }
}
