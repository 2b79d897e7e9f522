package dev.sonde.record;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds an outbound HTTP call's operation from what the client saw: method, scheme, host, port and
 * request target. Each distinct raw call is named once ({@link ClientCallName}) and its operation
 * id cached; a repeated call is looked up with the calling thread's reusable {@link Probe}, so it
 * costs one map lookup and allocates nothing. The cache is bounded: past {@link #CACHED_TARGETS}
 * raw targets (ids in every URL, query strings that vary) new ones are named at every call instead
 * of growing memory; the names they give still collapse to few operations.
 */
final class ClientCalls {

    static final int CACHED_TARGETS = 10_000;

    private final OperationRegistry registry;
    private final ConcurrentHashMap<Object, Integer> byTarget = new ConcurrentHashMap<>();

    ClientCalls(OperationRegistry registry) {
        this.registry = registry;
    }

    int operationOf(String method, String scheme, String host, int port, String target, Probe probe) {
        probe.set(method, scheme, host, port, target);
        Integer known = byTarget.get(probe);
        if (known != null) {
            return known;
        }
        String hostPort = ClientCallName.hostPort(scheme, host, port);
        String route = ClientCallName.route(target);
        String verb = method == null ? "(unknown method)" : method;
        int id = registry.registerClientCall(ClientCallName.of(verb, hostPort, route), verb, hostPort, route);
        if (byTarget.size() < CACHED_TARGETS) {
            byTarget.put(probe.copy(), id);
        }
        return id;
    }

    /** Distinct raw targets cached; for tests. */
    int cachedTargets() {
        return byTarget.size();
    }

    /**
     * A call's raw coordinates as a map key. A thread reuses one as its lookup key (set, then looked
     * up, never stored); a copy is what the map keeps.
     */
    static final class Probe {
        private String method;
        private String scheme;
        private String host;
        private int port;
        private String target;

        void set(String method, String scheme, String host, int port, String target) {
            this.method = method;
            this.scheme = scheme;
            this.host = host;
            this.port = port;
            this.target = target;
        }

        Probe copy() {
            Probe copy = new Probe();
            copy.set(method, scheme, host, port, target);
            return copy;
        }

        @Override
        public int hashCode() {
            int hash = Objects.hashCode(method);
            hash = 31 * hash + Objects.hashCode(scheme);
            hash = 31 * hash + Objects.hashCode(host);
            hash = 31 * hash + port;
            return 31 * hash + Objects.hashCode(target);
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Probe)) {
                return false;
            }
            Probe that = (Probe) other;
            return port == that.port && Objects.equals(method, that.method) && Objects.equals(scheme, that.scheme)
                    && Objects.equals(host, that.host) && Objects.equals(target, that.target);
        }
    }
}
