package com.mizani.axon;

import org.axonframework.common.caching.WeakReferenceCache;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BoundedAggregateCacheTest {

    @Test
    void anAggregateStaysCachedAcrossGarbageCollections() {
        BoundedAggregateCache cache = BoundedAggregateCache.holding(10);
        WeakReferenceCache axons = new WeakReferenceCache();
        cache.put("wallet", new StringBuilder("state"));
        axons.put("wallet", new StringBuilder("state"));

        // What the bounded cache is for: Axon's weak cache forgets an entry nothing else holds at the next collection.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return !axons.containsKey("wallet");
        });

        assertThat(cache.<String, StringBuilder>get("wallet")).hasToString("state");
    }

    @Test
    void entriesAreGivenUpBeyondTheBound() {
        BoundedAggregateCache cache = BoundedAggregateCache.holding(100);
        IntStream.range(0, 1_000).forEach(key -> cache.put(key, "aggregate " + key));

        await().atMost(Duration.ofSeconds(10)).until(
                () -> IntStream.range(0, 1_000).filter(cache::containsKey).count() <= 100);
    }

    @Test
    void removeAndPutIfAbsentAnswerWhatTheyDid() {
        BoundedAggregateCache cache = BoundedAggregateCache.holding(10);

        assertThat(cache.putIfAbsent("wallet", "first")).isTrue();
        assertThat(cache.putIfAbsent("wallet", "second")).isFalse();
        assertThat(cache.<String, String>get("wallet")).isEqualTo("first");
        assertThat(cache.remove("wallet")).isTrue();
        assertThat(cache.remove("wallet")).isFalse();
        assertThat(cache.containsKey("wallet")).isFalse();
    }
}
