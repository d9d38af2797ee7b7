package com.mizani.command.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long after a payout's request the provider's "no such payout" may still be wrong. A real provider can accept a
 * B2C request and process it minutes later; had the payment failed on an early "not found", the reservation would be
 * back in the wallet while the provider pays the phone, and the customer would have the money twice. So a "not
 * found" fails a payout only once this long has passed since the request went out, and only when the status answer
 * before it said the same. Until then it is "not yet", and the saga keeps asking on its backoff (to MANUAL_REVIEW
 * after its cap, as for any unanswered question).
 *
 * @param length how long after the request a "not found" is not believed
 * @param clock  the time now, as the payment sees it
 */
public record SettleWindow(Duration length, Clock clock) {

    public SettleWindow {
        if (length.isNegative()) {
            throw new IllegalArgumentException("mizani.payments.settle-window-ms must be >= 0");
        }
    }

    /** Whether a request that went out at {@code sentAt} is past its window; one whose time is unknown never is. */
    boolean hasPassedSince(Instant sentAt) {
        return sentAt != null && !clock.instant().isBefore(sentAt.plus(length));
    }
}
