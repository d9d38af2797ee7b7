package com.mizani.kernel.payment;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * Another principal approved the pending resolution. The {@link PaymentReviewResolvedEvent} it puts into effect, and
 * the capture, release or credit, follow in the same transaction.
 *
 * @param reason the approver's note, or null
 */
@Revision("1")
public record PaymentResolutionApprovedEvent(UUID paymentId, UUID proposalId, String proposedBy, String approvedBy,
                                             String reason) implements PaymentEvent {
}
