package dev.sonde.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The classes sonde's transformer never changes, whatever the configuration selects: those
 * {@link Exclusions} names, and everything the bootstrap and platform class loaders define (the
 * JDK), except the few JDK classes that HTTP advice goes into ({@link HttpInstrumentation#JDK_FILTER_CHAIN},
 * and the JDK's HTTP clients with {@code http.client=on}).
 *
 * <p>Asked twice: by Byte Buddy as the agent's ignore rule (for classes being retransformed), and
 * first of all for every class being loaded, by {@link TransformCandidates}, where it decides from
 * the name and the loader alone. Thread-safe and allocation-free.
 */
final class IgnoredClasses {

    private final ClassLoader platformLoader = ClassLoader.getSystemClassLoader().getParent();
    private final boolean jdkClients;

    /** @param jdkClients whether the JDK's HTTP clients are transformed ({@code http.client=on}) */
    IgnoredClasses(boolean jdkClients) {
        this.jdkClients = jdkClients;
    }

    /** @param typeName the binary name, {@code com.acme.Shop$Order} */
    boolean ignores(String typeName, ClassLoader loader) {
        if (jdkClients && HttpClientInstrumentation.isJdkClient(typeName)) {
            return false;
        }
        if (Exclusions.isExcluded(typeName)) {
            return true;
        }
        return (loader == null || loader == platformLoader) && !HttpInstrumentation.JDK_FILTER_CHAIN.equals(typeName);
    }

    AgentBuilder.RawMatcher asMatcher() {
        return (type, loader, module, classBeingRedefined, domain) -> ignores(type.getName(), loader);
    }
}
