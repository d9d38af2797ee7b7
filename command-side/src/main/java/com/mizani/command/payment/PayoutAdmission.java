package com.mizani.command.payment;

import com.mizani.command.support.RetryLater;
import com.mizani.kernel.error.ErrorCode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Back-pressure on payouts: while the payouts accepted and not yet sent to the provider are at their bound, a new
 * payout is refused (503 PAYOUTS_BACKLOGGED, with Retry-After) before anything is recorded or reserved. Back-pressure
 * refuses new work only: a repeat of a payout already recorded goes on to the payment, which answers it as it always
 * does (its status now, or IDEMPOTENCY_KEY_REUSED for another body). Whether it is recorded is read from the event
 * store, where the payment's first event is committed with its reservation, so a repeat straight after its 202 is
 * recognised; the read model might not hold it yet. That look-up is made only while the backlog is full.
 */
@Component
public class PayoutAdmission {

    private final PayoutBacklog backlog;
    private final EventStore events;

    public PayoutAdmission(PayoutBacklog backlog, EventStore events) {
        this.backlog = backlog;
        this.events = events;
    }

    /** Lets the payout {@code paymentId} go on, or refuses it if it is new and the backlog is full. */
    void admit(UUID paymentId) {
        Optional<PayoutBacklog.Full> full = backlog.full();
        if (full.isEmpty() || recorded(paymentId)) {
            return;
        }
        PayoutBacklog.Full backlogged = full.get();
        throw new RetryLater(ErrorCode.PAYOUTS_BACKLOGGED, ("%d payouts wait to be sent to the provider, at most %d "
                + "may; nothing was reserved: retry after %d s with the same Idempotency-Key").formatted(
                backlogged.unsent(), backlogged.bound(), RetryLater.seconds(backlogged.retryAfter())),
                backlogged.retryAfter());
    }

    private boolean recorded(UUID paymentId) {
        return events.lastSequenceNumberFor(paymentId.toString()).isPresent();
    }
}
