package com.mizani.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the Axon infrastructure.
 *
 * @param walletSnapshotThreshold events after which a wallet is snapshotted
 */
@ConfigurationProperties("mizani.axon")
public record AxonTuning(@DefaultValue("100") int walletSnapshotThreshold) {
}
