package com.mizani.saga.payment;

import java.time.Duration;
import java.util.Objects;

/**
 * When the payment sagas stop waiting and start asking.
 *
 * @param resultWait             how long we wait for the provider before asking it: for the acknowledgement after a
 *                               money request is decided, for the result callback after the acknowledgement
 * @param firstStatusQuery       the wait before the first status query of an ambiguous payment
 * @param maxStatusQueryInterval the longest wait between two status queries; they back off by doubling up to it
 * @param maxStatusQueries       how many status queries without a definitive answer before MANUAL_REVIEW
 */
public record PaymentTimings(Duration resultWait, Duration firstStatusQuery, Duration maxStatusQueryInterval,
                             int maxStatusQueries) {

    public PaymentTimings {
        Objects.requireNonNull(resultWait, "resultWait");
        Objects.requireNonNull(firstStatusQuery, "firstStatusQuery");
        Objects.requireNonNull(maxStatusQueryInterval, "maxStatusQueryInterval");
        if (resultWait.isNegative() || firstStatusQuery.isNegative() || maxStatusQueryInterval.compareTo(firstStatusQuery) < 0
                || maxStatusQueries < 1) {
            throw new IllegalArgumentException("payment timings must be positive, with max interval >= first query and at least one query");
        }
    }

    /**
     * How long after a money request is decided it may still be sent: half the result wait, so that the request is
     * over before {@code RESULT_OVERDUE} asks what became of it, as long as the other half is longer than the
     * provider's timeouts allow a request to take (60 s against 10 s by default).
     */
    public Duration requestStartLimit() {
        return resultWait.dividedBy(2);
    }

    /** The wait before status query number {@code attempt} (1-based): doubling from the first, capped. */
    public Duration delayBeforeQuery(int attempt) {
        Duration delay = firstStatusQuery;
        for (int i = 1; i < attempt && delay.compareTo(maxStatusQueryInterval) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxStatusQueryInterval) > 0 ? maxStatusQueryInterval : delay;
    }
}
