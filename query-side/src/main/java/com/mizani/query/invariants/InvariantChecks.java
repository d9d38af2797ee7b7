package com.mizani.query.invariants;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Runs every ledger invariant check against the read models and the event store, and reports what each found. */
@Component
public class InvariantChecks {

    private final ZeroSumCheck zeroSum;
    private final ProjectionReplayCheck projection;
    private final NegativeWalletCheck negativeWallets;
    private final StuckTransitCheck stuckTransit;
    private final InvariantSettings settings;
    private final Clock clock = Clock.systemUTC();

    public InvariantChecks(ZeroSumCheck zeroSum, ProjectionReplayCheck projection, NegativeWalletCheck negativeWallets,
                           StuckTransitCheck stuckTransit, InvariantSettings settings) {
        this.zeroSum = zeroSum;
        this.projection = projection;
        this.negativeWallets = negativeWallets;
        this.stuckTransit = stuckTransit;
        this.settings = settings;
    }

    public InvariantReport run() {
        Instant started = clock.instant();
        int listed = settings.maxReported();
        ZeroSumCheck.Result sums = zeroSum.check(listed);
        ProjectionReplayCheck.Result replayed = projection.check(started, settings.replaySampleSize(), listed);
        NegativeWalletCheck.Result negative = negativeWallets.check(listed);
        StuckTransitCheck.Result transit = stuckTransit.check(started,
                Duration.ofMillis(settings.transitThresholdMs()), listed);
        long took = Duration.between(started, clock.instant()).toMillis();
        return InvariantReport.of(started, took, sums, replayed, negative, transit);
    }
}
