package com.mizani.app.reconciliation;

import com.mizani.kernel.payment.PaymentStatus;

import java.util.UUID;

/**
 * One payout whose money the provider's statement and our books account for differently: what a difference of the
 * totals is made of. Built in {@link PaymentDifferences#of} only, so a new column (such as the incident that
 * explains the difference) is added there and here.
 *
 * @param paymentId           our payment id, which is the provider's OriginatorConversationID (a provider payout we
 *                            never asked for is listed with its own id)
 * @param ourStatus           the payment's status in our books, or null when we know no such payout
 * @param ourAmountMinor      what our settlement account moved for it: its amount once SETTLED, with whatever
 *                            approved corrections posted for it since; 0 when nothing moved
 * @param providerAmountMinor what the provider's statement says it paid out for it (0: nothing, or reversed)
 * @param differenceMinor     provider minus ours
 * @param awaitingOutcome     the payment is not final yet (open, or in MANUAL_REVIEW): our books move when it ends,
 *                            so it explains a PENDING difference rather than a mismatch
 * @param openIncidentId      the open incident that names the payment, or null: a difference with one is known and
 *                            waits for a decision (PENDING); one with neither this nor {@code awaitingOutcome} is a
 *                            silent disagreement (MISMATCH)
 */
public record PaymentDifference(String paymentId, PaymentStatus ourStatus, long ourAmountMinor, long providerAmountMinor,
                                long differenceMinor, boolean awaitingOutcome, UUID openIncidentId) {

    /** Whether something in Mizani already accounts for the difference: an open payment, or an open incident. */
    public boolean isExplained() {
        return awaitingOutcome || openIncidentId != null;
    }
}
