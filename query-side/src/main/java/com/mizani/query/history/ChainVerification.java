package com.mizani.query.history;

import java.util.UUID;

/**
 * The outcome of recomputing a wallet's hash chain from its events and comparing it with the stored entries.
 *
 * @param entriesChecked  how many stored entries (both sides of each posting) matched before the first difference
 * @param firstDifference null when the chain is valid
 */
public record ChainVerification(UUID walletId, boolean valid, int entriesChecked, Difference firstDifference) {

    /**
     * Where the stored entries first depart from the events: the entry the events define, which of its fields
     * differs (or {@code missing}, or {@code unexpected} for a stored entry no event accounts for), both values.
     */
    public record Difference(long walletSequence, String eventId, String account, int postingIndex, String field,
                             String expected, String stored) {
    }

    static ChainVerification valid(UUID walletId, int checked) {
        return new ChainVerification(walletId, true, checked, null);
    }

    static ChainVerification broken(UUID walletId, int checked, Difference difference) {
        return new ChainVerification(walletId, false, checked, difference);
    }
}
