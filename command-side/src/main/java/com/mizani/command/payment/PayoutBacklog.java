package com.mizani.command.payment;

import java.time.Duration;
import java.util.Optional;

/**
 * The payouts accepted and not yet sent to the provider, against their bound ({@code mizani.payments.max-unsent-payouts}).
 * The command side decides from events alone and reads no table, so the app counts them, from the payments' read model
 * (docs/payments.md, Back-pressure on payouts).
 */
public interface PayoutBacklog {

    /** Empty while a new payout may be accepted; once the backlog is at or over its bound, how full it is. */
    Optional<Full> full();

    /**
     * A backlog at or over its bound.
     *
     * @param unsent     the payouts accepted and not yet sent, as last counted
     * @param bound      the most that may wait before new payouts are refused
     * @param retryAfter how long a client should wait before offering a new payout again
     */
    record Full(long unsent, long bound, Duration retryAfter) {

        public Full {
            if (unsent < bound) {
                throw new IllegalArgumentException("a backlog of " + unsent + " is not full at the bound " + bound);
            }
        }
    }
}
