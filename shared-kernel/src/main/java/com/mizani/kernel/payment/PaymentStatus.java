package com.mizani.kernel.payment;

/**
 * Where a payment stands. SETTLED, FAILED and REJECTED are final; MANUAL_REVIEW waits for operators: the resolution
 * one proposes and another approves ends it in SETTLED or FAILED (a pending proposal leaves it in MANUAL_REVIEW).
 */
public enum PaymentStatus {
    /** Recorded; nothing sent yet. */
    REQUESTED,
    /** The wallet holds the payout's amount and fee. */
    RESERVED,
    /** The provider acknowledged the request; its outcome is awaited. */
    SUBMITTED,
    /** The provider's answer is unknown; its status query decides. */
    AMBIGUOUS,
    SETTLED,
    /** The provider did not move the money; any reservation was released. */
    FAILED,
    MANUAL_REVIEW,
    /** Refused before anything was sent (e.g. insufficient funds). */
    REJECTED;

    public boolean isFinal() {
        return this == SETTLED || this == FAILED || this == REJECTED;
    }
}
