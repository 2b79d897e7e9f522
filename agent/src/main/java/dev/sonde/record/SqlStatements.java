package dev.sonde.record;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a JDBC execution's operation: by the text it was given, or by the statement it ran on
 * (the text the statement was prepared with). Each distinct text is normalised once
 * ({@link SqlNormalizer}) and its operation id cached, so a repeated statement costs two map
 * lookups and no allocation. The cache is bounded: past {@link #CACHED_TEXTS} texts (dynamic SQL
 * with literals inlined), new texts are normalised at every execution instead of growing memory.
 */
final class SqlStatements {

    /** Operation names longer than this are cut, with a hash of the whole text to keep them apart. */
    static final int NAME_LIMIT = 200;
    static final int CACHED_TEXTS = 10_000;
    /** A statement whose text sonde never saw (prepared before sonde started). */
    static final String UNKNOWN = "(statement prepared before sonde started)";

    private final OperationRegistry registry;
    private final ConcurrentHashMap<String, Integer> byText = new ConcurrentHashMap<>();
    private final WeakIdentityMap<Integer> byStatement = new WeakIdentityMap<>();

    SqlStatements(OperationRegistry registry) {
        this.registry = registry;
    }

    /** The operation of an execution given {@code sql} itself ({@code Statement#execute(String)}). */
    int operationOf(String sql) {
        Integer known = byText.get(sql);
        if (known != null) {
            return known;
        }
        int id = register(SqlNormalizer.normalize(sql));
        if (byText.size() < CACHED_TEXTS) {
            byText.put(sql, id);
        }
        return id;
    }

    /** The operation of an execution without text: the statement's prepared (or first batched) text. */
    int operationOf(Object statement, WeakIdentityMap.Probe probe) {
        Integer known = byStatement.get(statement, probe);
        return known != null ? known : registry.registerStatement(UNKNOWN, null, "(unknown statement)");
    }

    /** {@code statement} was prepared with {@code sql} (or is a plain statement given it first in a batch). */
    void remember(Object statement, String sql) {
        byStatement.putIfAbsent(statement, operationOf(sql));
    }

    /** A plain statement's batch ran: its next batch may be of other statements. */
    void forget(Object statement, WeakIdentityMap.Probe probe) {
        byStatement.remove(statement, probe);
    }

    private int register(String normalized) {
        return registry.registerStatement(name(normalized), normalized, SqlNormalizer.summary(normalized));
    }

    static String name(String normalized) {
        if (normalized.length() <= NAME_LIMIT) {
            return normalized;
        }
        String hash = Integer.toHexString(normalized.hashCode());
        return normalized.substring(0, NAME_LIMIT - hash.length() - 5) + "... #" + hash;
    }

    /** Statements remembered and not yet collected; for tests. */
    int rememberedStatements() {
        return byStatement.size();
    }
}
