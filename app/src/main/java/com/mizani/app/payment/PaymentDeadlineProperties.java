package com.mizani.app.payment;

import com.mizani.saga.payment.PaymentTimings;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When the payment sagas stop waiting for the provider and start asking it (see {@link PaymentTimings}).
 *
 * @param resultWaitMs             how long the acknowledgement may take after a money request is decided, and the
 *                                 result callback after the acknowledgement, before we ask
 * @param firstStatusQueryMs       the wait before the first status query of an ambiguous payment
 * @param maxStatusQueryIntervalMs the longest wait between status queries (they double up to it)
 * @param maxStatusQueries         unanswered status queries before the payment goes to MANUAL_REVIEW
 */
public record PaymentDeadlineProperties(@DefaultValue("120000") long resultWaitMs,
                                        @DefaultValue("60000") long firstStatusQueryMs,
                                        @DefaultValue("900000") long maxStatusQueryIntervalMs,
                                        @DefaultValue("10") int maxStatusQueries) {

    public PaymentTimings timings() {
        return new PaymentTimings(Duration.ofMillis(resultWaitMs), Duration.ofMillis(firstStatusQueryMs),
                Duration.ofMillis(maxStatusQueryIntervalMs), maxStatusQueries);
    }
}
