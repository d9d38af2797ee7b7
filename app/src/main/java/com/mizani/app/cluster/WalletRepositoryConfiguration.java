package com.mizani.app.cluster;

import com.mizani.axon.cluster.AggregateStoreLocks;
import com.mizani.axon.cluster.ClusterLockingRepository;
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
 * The wallets' repository, named by {@link Wallet}'s {@code @Aggregate}. With the events in PostgreSQL, every node
 * takes a wallet's lock in the database before changing it ({@link ClusterLockingRepository}), so nodes sharing
 * the store take turns on a wallet instead of racing. Axon Server routes each aggregate's commands to one node, so
 * there the process's own lock is enough.
 */
@Configuration(proxyBeanMethods = false)
public class WalletRepositoryConfiguration {

    @Bean
    public Repository<Wallet> walletRepository(EventStore eventStore, @Qualifier("walletCache") Cache cache,
                                               @Qualifier("walletSnapshotTrigger") SnapshotTriggerDefinition snapshots,
                                               ParameterResolverFactory parameterResolvers,
                                               HandlerDefinition handlerDefinition, AggregateStoreLocks locks,
                                               @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        EventSourcingRepository.Builder<Wallet> builder = EventSourcingRepository.builder(Wallet.class)
                .parameterResolverFactory(parameterResolvers)
                .handlerDefinition(handlerDefinition)
                .eventStore(eventStore)
                .snapshotTriggerDefinition(snapshots);
        if (axonServer) {
            return builder.cache(cache).build();
        }
        return new ClusterLockingRepository<>(builder, cache, locks);
    }
}
