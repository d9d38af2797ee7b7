package com.mizani.kernel.payment;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** A principal proposed how a payment in review ends; it waits for another principal's approval. Moves nothing. */
@Revision("1")
public record PaymentResolutionProposedEvent(UUID paymentId, UUID proposalId, boolean paid, String reason,
                                             UUID walletId, String proposedBy) implements PaymentEvent {
}
