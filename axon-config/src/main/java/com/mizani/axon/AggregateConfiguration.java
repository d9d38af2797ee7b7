package com.mizani.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wallets are the hot aggregates: every money movement loads one or two. They are cached between commands
 * and snapshotted every {@code mizani.axon.wallet-snapshot-threshold} events so a busy wallet never has to
 * be rebuilt from its whole history.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    @Bean
    public SnapshotTriggerDefinition walletSnapshotTrigger(Snapshotter snapshotter, AxonTuning tuning) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, tuning.walletSnapshotThreshold());
    }

    /** Entries vanish when memory is short; a miss only costs a load from the store. */
    @Bean
    public Cache walletCache() {
        return new WeakReferenceCache();
    }
}
