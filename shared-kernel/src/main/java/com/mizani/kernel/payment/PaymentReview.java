package com.mizani.kernel.payment;

/** The answer to an operator's proposal, approval or rejection: the payment, and the resolution still pending (or null). */
public record PaymentReview(PaymentOutcome payment, PendingResolution pendingResolution) {
}
