package com.mizani.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the Axon infrastructure.
 *
 * @param walletSnapshotThreshold events after which a wallet is snapshotted
 * @param walletCacheSize         wallets each node keeps in memory between commands (about a kilobyte each); beyond
 *                                it, those least likely to be used again are given up
 * @param gapTimeoutMs            how long a hole in the event sequence is waited for before it is taken to be a
 *                                rolled-back transaction rather than one still committing
 * @param maxGapOffset            how far behind the newest event a hole is still waited for, in events
 * @param deadlineThreads         threads running due deadlines (each may call the provider)
 * @param deadlinePollingMs       how often the deadline table is polled for due deadlines
 * @param eventFetchSize          events read per query when processors stream the store (Axon's default is 100;
 *                                a replay reads the whole store, and each query is a round trip)
 * @param projectionPollMs        how often a projection looks for new events when no read wakes it (Axon's own pace
 *                                for a store that cannot call back is 500 ms; 100 ms quartered the median lag under
 *                                load at no measured cost in throughput, docs/benchmarks.md)
 * @param claimTimeoutMs          how long a processor's claim on a segment outlives its owner's last renewal: when a
 *                                node dies, the others take over its projections and sagas after this (Axon's default
 *                                is 10 s). Owners renew every fifth of it, and look for unclaimed segments every
 *                                second ({@code token-claim-interval} in application.yml)
 */
@ConfigurationProperties("mizani.axon")
public record AxonTuning(@DefaultValue("100") int walletSnapshotThreshold,
                         @DefaultValue("20000") int walletCacheSize,
                         @DefaultValue("60000") int gapTimeoutMs,
                         @DefaultValue("10000000") int maxGapOffset,
                         @DefaultValue("4") int deadlineThreads,
                         @DefaultValue("1000") long deadlinePollingMs,
                         @DefaultValue("1000") int eventFetchSize,
                         @DefaultValue("100") long projectionPollMs,
                         @DefaultValue("5000") long claimTimeoutMs) {
}
