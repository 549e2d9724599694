package io.trent.kms;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LruTest {
    @Test
    void theLeastRecentlyUsedEntryIsEvicted() {
        Lru<String, String> lru = new Lru<>(2);
        AtomicInteger loads = new AtomicInteger();
        java.util.function.Function<String, String> loader = k -> k + loads.incrementAndGet();
        assertThat(lru.get("a", loader)).isEqualTo("a1");
        assertThat(lru.get("b", loader)).isEqualTo("b2");
        assertThat(lru.get("a", loader)).isEqualTo("a1"); // a is now the most recent
        assertThat(lru.get("c", loader)).isEqualTo("c3"); // evicts b
        assertThat(lru.get("a", loader)).isEqualTo("a1");
        assertThat(lru.get("b", loader)).isEqualTo("b4");
    }

    @Test
    void aValueLoadedAcrossAnInvalidationIsNotKept() {
        Lru<String, String> lru = new Lru<>(10);
        // the loader read the old value; a writer committed and invalidated before the load finished
        assertThat(lru.get("k", key -> {
            lru.invalidate(key);
            return "stale";
        })).isEqualTo("stale");
        assertThat(lru.get("k", key -> "fresh")).isEqualTo("fresh");
        assertThat(lru.get("k", key -> "never")).isEqualTo("fresh");
        lru.invalidate("k");
        assertThat(lru.get("k", key -> null)).isNull();
        assertThat(lru.get("k", key -> "again")).isEqualTo("again");
    }
}
