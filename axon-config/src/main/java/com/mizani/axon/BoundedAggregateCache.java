package com.mizani.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's aggregate cache on Caffeine: up to a number of aggregates, held until pushed out by
 * others (Caffeine keeps those most likely to be used again, by recency and frequency).
 * Axon's own {@code WeakReferenceCache} loses every entry at the next garbage collection, every few seconds under
 * load, so most loads of a wallet went to the store (its snapshot, then its events) however often it was used.
 * Entry listeners are not supported: the repositories do not use them.
 */
public final class BoundedAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;

    private BoundedAggregateCache(ConcurrentMap<Object, Object> entries) {
        this.entries = entries;
    }

    /** Holds at most {@code maximumEntries} aggregates. */
    public static BoundedAggregateCache holding(long maximumEntries) {
        return new BoundedAggregateCache(Caffeine.newBuilder().maximumSize(maximumEntries).build().asMap());
    }

    /**
     * Holds at most {@code maximumEntries} aggregates, and gives any of them up when memory is short: for large
     * aggregates, which the collector may then reclaim before the heap runs out.
     */
    public static BoundedAggregateCache holdingSoftly(long maximumEntries) {
        return new BoundedAggregateCache(
                Caffeine.newBuilder().maximumSize(maximumEntries).softValues().build().asMap());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }
}
