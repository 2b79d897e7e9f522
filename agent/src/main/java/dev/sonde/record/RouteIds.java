package dev.sonde.record;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operation ids of the HTTP routes seen so far, by route and method, found without building the
 * operation's name ({@code GET /api/owners/{id}}): every request of a known route looks itself up
 * here, so the lookup allocates nothing. Routes past {@code max.operations} are not kept (they share
 * the overflow operation, and their number has no bound).
 *
 * <p>Lookups take no lock; {@link #remember} is called under the registry's lock.
 */
final class RouteIds {

    /** Means: this method of the route has no id yet. */
    static final int UNKNOWN = -1;

    private final Map<String, ByMethod> routes = new ConcurrentHashMap<>();

    int find(String method, String route) {
        ByMethod known = routes.get(route);
        return known == null ? UNKNOWN : known.idOf(method);
    }

    void remember(String method, String route, int id) {
        routes.merge(route, new ByMethod(method, id), ByMethod::with);
    }

    /** A route's methods and their ids: a few at most, so a scan beats a map. Immutable. */
    private static final class ByMethod {
        private final String[] methods;
        private final int[] ids;

        ByMethod(String method, int id) {
            this(new String[] {method}, new int[] {id});
        }

        private ByMethod(String[] methods, int[] ids) {
            this.methods = methods;
            this.ids = ids;
        }

        int idOf(String method) {
            for (int i = 0; i < methods.length; i++) {
                if (methods[i].equals(method)) {
                    return ids[i];
                }
            }
            return UNKNOWN;
        }

        ByMethod with(ByMethod added) {
            if (idOf(added.methods[0]) != UNKNOWN) {
                return this;
            }
            String[] moreMethods = Arrays.copyOf(methods, methods.length + 1);
            int[] moreIds = Arrays.copyOf(ids, ids.length + 1);
            moreMethods[methods.length] = added.methods[0];
            moreIds[ids.length] = added.ids[0];
            return new ByMethod(moreMethods, moreIds);
        }
    }
}
