package com.mizani.command.fx.rates;

/** How the embedded rate simulator misbehaves, so that what depends on rates can be tried against a failing source. */
public enum SimulatorFault {
    /** Current rates, fixed now. */
    NONE,
    /** Every call fails as an unreachable source would: FX_UNAVAILABLE with a Retry-After. */
    OUTAGE,
    /**
     * Rates answered as a source that stopped updating would: fixed {@link SimulatedRateSource#STALE_AGE} ago, which
     * the freshness check ({@link FreshRates}) refuses.
     */
    STALE
}
