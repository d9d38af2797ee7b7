package com.mizani.kernel.payment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The audited operator decision, in effect: since four-eyes decisions it follows the approval of a proposal
 * ({@link PaymentResolutionApprovedEvent}), and {@code operator} and {@code reason} are the proposer's. The confirmation
 * or failure it causes follows in the same transaction.
 */
@Revision("1")
public record PaymentReviewResolvedEvent(UUID paymentId, boolean paid, String reason, String operator, UUID walletId) implements PaymentEvent {
}
