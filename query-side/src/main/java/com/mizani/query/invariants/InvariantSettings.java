package com.mizani.query.invariants;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the invariant checks.
 *
 * @param replaySampleSize  how many wallets one run replays from their events; more wallets than that are walked
 *                          through over successive runs
 * @param transitThresholdMs how long money may sit in transit before its transaction is reported as stuck
 * @param maxReported       how many violations of each invariant one report lists (all of them are counted)
 * @param intervalMs        how often the app's watchdog runs the checks
 */
@ConfigurationProperties("mizani.invariants")
public record InvariantSettings(@DefaultValue("200") int replaySampleSize,
                                @DefaultValue("300000") long transitThresholdMs,
                                @DefaultValue("100") int maxReported,
                                @DefaultValue("60000") long intervalMs) {

    public InvariantSettings {
        if (replaySampleSize < 1 || transitThresholdMs < 1 || maxReported < 1 || intervalMs < 1) {
            throw new IllegalArgumentException("mizani.invariants replay-sample-size, transit-threshold-ms,"
                    + " max-reported and interval-ms must be positive");
        }
    }
}
