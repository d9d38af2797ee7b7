package com.mizani.query.invariants;

/** The ledger invariants the watchdog checks; {@link #tag()} names each in metrics and logs. */
public enum Invariant {
    /** Per currency, customer wallets and system accounts sum to zero. */
    ZERO_SUM("zero_sum"),
    /** A wallet's projected balance equals the balance its events add up to, at the projected version. */
    PROJECTION_MATCHES_EVENTS("projection_matches_events"),
    /** No customer wallet holds less than nothing, available or held. */
    NO_NEGATIVE_WALLET("no_negative_wallet"),
    /** Money leaves transit soon after it entered: a transfer's two legs are seconds apart, not minutes. */
    NO_STUCK_TRANSIT("no_stuck_transit");

    private final String tag;

    Invariant(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
