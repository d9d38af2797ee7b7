package com.mizani.app.reconciliation;

import com.mizani.kernel.payment.PaymentStatus;

import java.util.UUID;

/**
 * One payment whose money the provider's statement and our books account for differently: what a difference of the
 * totals is made of. Built in {@link PaymentDifferences#of} only, so a new column (such as the incident that
 * explains the difference) is added there and here.
 *
 * @param flow                whether the money left through the provider (a payout) or came in (a deposit)
 * @param paymentId           our payment id, which is a payout's OriginatorConversationID; a provider record we know
 *                            nothing of is listed with the provider's own id (its OriginatorConversationID, or the
 *                            CheckoutRequestID or TransID of a deposit)
 * @param ourStatus           the payment's status in our books, or null when we know no such payment
 * @param ourAmountMinor      what our settlement account paid out or took in for it: its amount once SETTLED, with
 *                            whatever approved corrections posted for it since; 0 when nothing moved
 * @param providerAmountMinor what the provider's statement says it paid out (a payout) or received (a deposit) for
 *                            it; 0 for nothing, or reversed
 * @param differenceMinor     provider minus ours, in the payment's own direction
 * @param awaitingOutcome     the payment is not final yet (open, or in MANUAL_REVIEW): our books move when it ends,
 *                            so it explains a PENDING difference rather than a mismatch
 * @param openIncidentId      the open incident that names the payment, or null: a difference with one is known and
 *                            waits for a decision (PENDING); one with neither this nor {@code awaitingOutcome} is a
 *                            silent disagreement (MISMATCH)
 */
public record PaymentDifference(Flow flow, String paymentId, PaymentStatus ourStatus, long ourAmountMinor,
                                long providerAmountMinor, long differenceMinor, boolean awaitingOutcome,
                                UUID openIncidentId) {

    public enum Flow {
        PAYOUT, DEPOSIT
    }

    /** Whether something in Mizani already accounts for the difference: an open payment, or an open incident. */
    public boolean isExplained() {
        return awaitingOutcome || openIncidentId != null;
    }
}
