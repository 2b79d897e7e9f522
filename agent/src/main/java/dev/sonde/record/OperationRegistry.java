package dev.sonde.record;

import dev.sonde.bootstrap.Log;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Names operations and hands out their ids, at transform time (never on the hot path).
 *
 * <p>Cardinality policy: at most {@code maxOperations} names get an id of their own; every later
 * name shares the single {@value #OVERFLOW} operation and is counted in {@link #droppedCount()}.
 *
 * <p>Known names are looked up without a lock; new ones are added under the registry's lock. {@link #operation} is a volatile array read, safe from any
 * thread for any id this registry returned.
 */
public final class OperationRegistry {

    public static final String OVERFLOW = "(other)";

    /** Past this many distinct dropped names, drops are counted without remembering names. */
    private static final int DROPPED_NAMES_REMEMBERED = 100_000;

    private final int maxOperations;
    /** Concurrent, so that request-time lookups of known names take no lock. */
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final Set<String> droppedNames = new HashSet<>();
    private final RouteIds routeIds = new RouteIds();
    private volatile Operation[] operations = new Operation[0];
    private int overflowId = -1;
    private long dropped;
    /**
     * Set while a profile follows some operations' calls; the one volatile read every recorded call
     * pays. Read as a field, not through an accessor: until a profile runs, {@link CallWindows} is not
     * loaded, and C2 does not inline a method whose signature names an unloaded class, so an accessor
     * was a real call on every recorded call (a field of that type is read inline, asserting null).
     */
    volatile CallWindows callWindows;

    public OperationRegistry(int maxOperations) {
        this.maxOperations = maxOperations;
    }

    /** The id of the named method operation, creating it if needed (or the overflow id past the cap). */
    public int register(String name, OperationKind kind) {
        Integer known = ids.get(name);
        return known != null ? known : registerNew(name, id -> new Operation(id, name, kind, null, null));
    }

    /**
     * The id of an HTTP route's operation ({@code GET /api/owners/{id}}), at request time: a known
     * route's id is found without building its name.
     */
    int registerRoute(String method, String route) {
        int known = routeIds.find(method, route);
        return known != RouteIds.UNKNOWN ? known : registerNewRoute(method, route);
    }

    private synchronized int registerNewRoute(String method, String route) {
        String name = HttpRoutes.operationName(method, route);
        int id = registerNew(name, newId -> new Operation(newId, name, OperationKind.HTTP, method, route));
        if (id != overflowId) {
            routeIds.remember(method, route, id);
        }
        return id;
    }

    /**
     * The id of an outbound HTTP call's operation ({@code GET 127.0.0.1:8080 /items/{id}}), at the
     * first call of each distinct raw target.
     */
    int registerClientCall(String name, String method, String host, String route) {
        Integer known = ids.get(name);
        return known != null ? known : registerNew(name, id -> Operation.clientCall(id, name, method, host, route));
    }

    /**
     * The id of a SQL statement's operation, named {@code name} (its normalised text, capped), with
     * the whole normalised text and its short form; at the first execution of each distinct text.
     */
    int registerStatement(String name, String text, String summary) {
        Integer known = ids.get(name);
        return known != null ? known : registerNew(name, id -> Operation.sql(id, name, text, summary));
    }

    private synchronized int registerNew(String name, IntFunction<Operation> operation) {
        Integer known = ids.get(name);
        if (known != null) {
            return known;
        }
        if (ids.size() - (overflowId >= 0 ? 1 : 0) >= maxOperations) {
            return overflow(name);
        }
        return add(name, operation);
    }

    private int overflow(String name) {
        if (droppedNames.size() < DROPPED_NAMES_REMEMBERED) {
            if (droppedNames.add(name)) {
                dropped++;
            }
        } else {
            dropped++;
        }
        if (overflowId < 0) {
            overflowId = add(OVERFLOW, id -> new Operation(id, OVERFLOW, OperationKind.METHOD, null, null));
            Log.error("max.operations=" + maxOperations + " reached: operations past it (first: " + name
                    + ") are counted together as " + OVERFLOW + "; narrow include or raise max.operations");
        }
        return overflowId;
    }

    private int add(String name, IntFunction<Operation> operation) {
        Operation[] current = operations;
        int id = current.length;
        Operation[] grown = Arrays.copyOf(current, id + 1);
        grown[id] = operation.apply(id);
        operations = grown;
        ids.put(name, id);
        return id;
    }

    /** The id of a registered name, if it has one. */
    java.util.Optional<Integer> find(String name) {
        return java.util.Optional.ofNullable(ids.get(name));
    }

    Operation operation(int id) {
        return operations[id];
    }

    Operation[] all() {
        return operations;
    }

    /** From now on, calls of {@code windows}' operations on platform threads are also given to it. */
    public void follow(CallWindows windows) {
        callWindows = windows;
    }

    /** Calls are no longer given to the windows {@link #follow} named. */
    public void stopFollowing() {
        callWindows = null;
    }

    public int size() {
        return operations.length;
    }

    /** Names refused an id of their own because of the cap. */
    public synchronized long droppedCount() {
        return dropped;
    }
}
