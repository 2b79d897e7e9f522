package dev.sonde.record;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values by object identity, without keeping the objects alive: the operation of the text each JDBC
 * statement was prepared with, remembered from the connection's {@code prepare*} until the statement
 * is garbage; when an {@code HttpURLConnection}'s call began, from its connect to its response. Keys are weak references (cleared entries are dropped at the next put); lookups go
 * through a caller's reusable {@link Probe}, so finding a known statement allocates nothing.
 * Identity, not {@code equals}: a driver's statement may define equality by its text.
 */
final class WeakIdentityMap<V> {

    private final ConcurrentHashMap<Object, V> ids = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** Remembers {@code value} for {@code key} unless it has one already. */
    void putIfAbsent(Object key, V value) {
        dropCollected();
        ids.putIfAbsent(new WeakKey(key, collected), value);
    }

    /** The value remembered for {@code key}, or null. */
    V get(Object key, Probe probe) {
        probe.referent = key;
        probe.hash = System.identityHashCode(key);
        try {
            return ids.get(probe);
        } finally {
            probe.referent = null;
        }
    }

    /** Forgets {@code key}; returns what was remembered for it, or null. */
    V remove(Object key, Probe probe) {
        probe.referent = key;
        probe.hash = System.identityHashCode(key);
        try {
            return ids.remove(probe);
        } finally {
            probe.referent = null;
        }
    }

    int size() {
        dropCollected();
        return ids.size();
    }

    private void dropCollected() {
        for (Object stale = collected.poll(); stale != null; stale = collected.poll()) {
            ids.remove(stale);
        }
    }

    /** The map's key: a weak reference equal to another reference (or probe) to the same object. */
    private static final class WeakKey extends WeakReference<Object> {
        private final int hash;

        WeakKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            Object referent = get();
            if (referent == null) {
                return false;
            }
            if (other instanceof WeakKey) {
                return referent == ((WeakKey) other).get();
            }
            return other instanceof Probe && referent == ((Probe) other).referent;
        }
    }

    /** A lookup key a thread reuses: it holds its object only during the lookup. */
    static final class Probe {
        private Object referent;
        private int hash;

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WeakKey && ((WeakKey) other).get() == referent && referent != null;
        }
    }
}
