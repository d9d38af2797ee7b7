package com.mizani.app.cluster;

import com.mizani.axon.BoundedAggregateCache;
import com.mizani.axon.cluster.AggregateStoreLocks;
import com.mizani.axon.cluster.ClusterLockingRepository;
import com.mizani.command.payroll.PayrollJob;
import com.mizani.command.wallet.Wallet;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The repositories of the aggregates that are loaded again and again, named by their {@code @Aggregate}: wallets
 * (every money movement loads one or two) and payroll jobs (every batch loads its job, whose events hold all its
 * items: up to 100,000). Both are cached. With the events in PostgreSQL, every node takes the aggregate's lock in the
 * database before changing it ({@link ClusterLockingRepository}), so nodes sharing the store take turns instead of
 * racing, and a cached copy another node has moved past is rebuilt. Axon Server routes each aggregate's commands to
 * one node, so there the process's own lock is enough.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateRepositoryConfiguration {

    private final EventStore eventStore;
    private final ParameterResolverFactory parameterResolvers;
    private final HandlerDefinition handlerDefinition;
    private final AggregateStoreLocks locks;
    private final boolean axonServer;

    public AggregateRepositoryConfiguration(EventStore eventStore, ParameterResolverFactory parameterResolvers,
                                            HandlerDefinition handlerDefinition, AggregateStoreLocks locks,
                                            @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this.eventStore = eventStore;
        this.parameterResolvers = parameterResolvers;
        this.handlerDefinition = handlerDefinition;
        this.locks = locks;
        this.axonServer = axonServer;
    }

    @Bean
    public Repository<Wallet> walletRepository(@Qualifier("walletCache") Cache cache,
                                               @Qualifier("walletSnapshotTrigger") SnapshotTriggerDefinition snapshots) {
        return cached(EventSourcingRepository.builder(Wallet.class).snapshotTriggerDefinition(snapshots), cache);
    }

    /**
     * Not snapshotted: a job's state is mostly its items, which a snapshot would store again in one large entry, and a
     * running job stays in the cache between its batches. A job holds up to 100,000 items, so only a few are kept,
     * and they are given up when memory is short.
     */
    @Bean
    public Repository<PayrollJob> payrollJobRepository() {
        return cached(EventSourcingRepository.builder(PayrollJob.class), BoundedAggregateCache.holdingSoftly(8));
    }

    private <T> Repository<T> cached(EventSourcingRepository.Builder<T> builder, Cache cache) {
        builder.parameterResolverFactory(parameterResolvers)
                .handlerDefinition(handlerDefinition)
                .eventStore(eventStore);
        if (axonServer) {
            return builder.cache(cache).build();
        }
        return new ClusterLockingRepository<>(builder, cache, locks);
    }
}
