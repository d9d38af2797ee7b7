package com.mizani.query.invariants;

import java.time.Instant;

/**
 * One run of every invariant check. {@code healthy} is true when no check found a violation; a wallet that is only
 * "not yet projected" is not one.
 */
public record InvariantReport(Instant checkedAt, long tookMs, boolean healthy, ZeroSumCheck.Result zeroSum,
                              ProjectionReplayCheck.Result projection, NegativeWalletCheck.Result negativeWallets,
                              StuckTransitCheck.Result stuckTransit) {

    static InvariantReport of(Instant checkedAt, long tookMs, ZeroSumCheck.Result zeroSum,
                              ProjectionReplayCheck.Result projection, NegativeWalletCheck.Result negativeWallets,
                              StuckTransitCheck.Result stuckTransit) {
        boolean healthy = zeroSum.violations() == 0 && projection.mismatchCount() == 0 && negativeWallets.count() == 0
                && stuckTransit.count() == 0;
        return new InvariantReport(checkedAt, tookMs, healthy, zeroSum, projection, negativeWallets, stuckTransit);
    }

    /** How many violations of {@code invariant} this run found, listed or not. */
    public long violations(Invariant invariant) {
        return switch (invariant) {
            case ZERO_SUM -> zeroSum.violations();
            case PROJECTION_MATCHES_EVENTS -> projection.mismatchCount();
            case NO_NEGATIVE_WALLET -> negativeWallets.count();
            case NO_STUCK_TRANSIT -> stuckTransit.count();
        };
    }
}
