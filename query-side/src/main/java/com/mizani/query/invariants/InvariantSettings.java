package com.mizani.query.invariants;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the invariant checks (their schedule, {@code mizani.invariants.interval-ms}, belongs to the app).
 *
 * @param replaySampleSize  how many wallets one run replays from their events; more wallets than that are walked
 *                          through over successive runs
 * @param transitThresholdMs how long money may sit in transit before its transaction is reported as stuck
 * @param maxReported       how many violations of each invariant one report lists (all of them are counted)
 */
@ConfigurationProperties("mizani.invariants")
public record InvariantSettings(@DefaultValue("200") int replaySampleSize,
                                @DefaultValue("300000") long transitThresholdMs,
                                @DefaultValue("100") int maxReported) {

    public InvariantSettings {
        if (replaySampleSize < 1 || transitThresholdMs < 1 || maxReported < 1) {
            throw new IllegalArgumentException("mizani.invariants replay-sample-size, transit-threshold-ms and"
                    + " max-reported must be positive");
        }
    }
}
