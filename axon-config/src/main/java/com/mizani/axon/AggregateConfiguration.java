package com.mizani.axon;

import com.mizani.axon.cluster.AggregateStoreLocks;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.Executors;

/**
 * Wallets are the hot aggregates: every money movement loads one or two. They are cached between commands
 * and snapshotted every {@code mizani.axon.wallet-snapshot-threshold} events so a busy wallet never has to
 * be rebuilt from its whole history. The wallets' repository is assembled from these parts in the app
 * ({@code AggregateRepositoryConfiguration}), which knows the aggregate.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    /**
     * Snapshots are taken on their own thread. Axon's default takes them in the committing thread, after the commit
     * but before the aggregate's lock is released, in a new transaction: with every pooled connection held by
     * commands waiting for that same lock (a hot wallet), the snapshot waited for a connection and everything
     * stalled until the pool's timeout.
     */
    @Bean
    public SpringAggregateSnapshotter snapshotter(Configuration configuration, TransactionManager transactions,
                                                  EventStore eventStore, ParameterResolverFactory parameterResolvers,
                                                  HandlerDefinition handlerDefinition) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactions)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolvers)
                .handlerDefinition(handlerDefinition)
                .executor(Executors.newSingleThreadExecutor(Thread.ofPlatform().name("snapshotter").daemon().factory()))
                .build();
    }

    @Bean
    public SnapshotTriggerDefinition walletSnapshotTrigger(Snapshotter snapshotter, AxonTuning tuning) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, tuning.walletSnapshotThreshold());
    }

    @Bean
    public AggregateStoreLocks aggregateStoreLocks(JdbcClient jdbc) {
        return new AggregateStoreLocks(jdbc);
    }

    /** The wallets likely to be used again; a miss only costs a load from the store. */
    @Bean
    public Cache walletCache(AxonTuning tuning) {
        return BoundedAggregateCache.holding(tuning.walletCacheSize());
    }
}
