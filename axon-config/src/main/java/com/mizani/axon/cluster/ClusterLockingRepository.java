package com.mizani.axon.cluster;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;

/**
 * An event-sourced, cached repository that stays right with several nodes on one event store. Axon's lock on an
 * aggregate is per process, and its cache trusts that nobody else appends. So before loading, this repository
 * takes the aggregate's lock in PostgreSQL for the rest of the transaction ({@link AggregateStoreLocks}): two nodes
 * changing one wallet take turns instead of both appending the same sequence number and one retrying. And it
 * compares the cached copy with the stored sequence number: a copy another node has moved past is dropped and the
 * aggregate is rebuilt from the store, which is all a cache miss costs.
 */
public final class ClusterLockingRepository<T> extends CachingEventSourcingRepository<T> {

    private final AggregateStoreLocks locks;
    private final Cache cache;

    /** @param builder an event-sourcing repository's builder with {@code cache} set to {@code cache} */
    public ClusterLockingRepository(EventSourcingRepository.Builder<T> builder, Cache cache,
                                    AggregateStoreLocks locks) {
        super(builder.cache(cache));
        this.cache = cache;
        this.locks = locks;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        long stored = locks.lockAndReadVersion(aggregateIdentifier);
        if (cache.containsKey(aggregateIdentifier)) {
            EventSourcedAggregate<T> cached = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
            if (versionOf(cached) == stored) {
                return cached;
            }
            cache.remove(aggregateIdentifier);
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }

    private static long versionOf(EventSourcedAggregate<?> aggregate) {
        Long version = aggregate.version();
        return version == null ? AggregateStoreLocks.NO_EVENTS : version;
    }
}
