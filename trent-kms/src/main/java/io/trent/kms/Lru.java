package io.trent.kms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded least-recently-used cache that never keeps a value loaded before a concurrent invalidation: every
 * invalidation advances an epoch, and a value is only inserted if no invalidation happened while it was loading.
 * Writers invalidate after their change is committed, so a cached value is never older than the last commit that
 * concerned it.
 */
final class Lru<K, V> {
    private final LinkedHashMap<K, V> map;
    private long epoch;

    Lru(int capacity) {
        this.map = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached value, or the loader's (null is returned, never cached). */
    V get(K key, Function<K, V> loader) {
        long seen;
        synchronized (this) {
            V v = map.get(key);
            if (v != null) return v;
            seen = epoch;
        }
        V loaded = loader.apply(key);
        if (loaded != null) {
            synchronized (this) {
                if (epoch == seen) map.put(key, loaded);
            }
        }
        return loaded;
    }

    synchronized void invalidate(K key) {
        epoch++;
        map.remove(key);
    }
}
